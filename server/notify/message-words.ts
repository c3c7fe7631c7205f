/**
 * Every word of the notifications Helploop sends, in each recipient's language. messages.ts picks them per type and
 * both renderers (Slack, e-mail) show them, so a sentence is written here once. Numbers and dates arrive formatted.
 * The tone follows the staff workspace (src/shared/staff-messages.ts): Korean in polite 해요체.
 */
import type { Locale } from '../../src/shared/locales.ts';

const ko = {
  openStaffPage: '스태프 페이지에서 보기',
  more: (n: string) => `나머지 ${n}개는 스태프 페이지에서 볼 수 있어요.`,
  noReason: '이유 없음',
  noVotes: '투표 없음',
  comments: {
    title: (title: string, n: string) => `‘${title}’ 글에 새 의견 ${n}개`,
    summary: (n: string, period: string) => `${period} 사이에 ‘도움이 안 됐어요’와 함께 의견이 ${n}개 들어왔어요.`,
  },
  surveyComments: {
    title: (survey: string, n: string) => `${survey} 설문에 낮은 점수와 함께 새 의견 ${n}개`,
    summary: (n: string, period: string) => `${period} 사이에 낮은 점수와 함께 의견이 ${n}개 들어왔어요.`,
    score: (score: string) => `${score}점`,
  },
  unhelpful: {
    title: (title: string) => `‘${title}’ 글이 도움이 안 된다는 투표가 많아요`,
    summary: (days: string, unhelpful: string, votes: string) =>
      `최근 ${days}일 동안 ${votes}명 중 ${unhelpful}명이 도움이 안 됐다고 했어요.`,
    confidence: (share: string, level: string) =>
      `독자의 적어도 ${share}에게 도움이 안 되는 것으로 보여요 (알림 기준 ${level}).`,
  },
  failing: {
    title: (query: string) => `‘${query}’ 검색 결과가 없어요`,
    summary: (hours: string, visitors: string, searches: string) =>
      `최근 ${hours}시간 동안 방문자 ${visitors}명이 ${searches}번 검색했지만 아무것도 찾지 못했어요.`,
    newArticle: '이 검색어로 새 글을 만들려면:',
  },
  fixNotWorking: {
    title: (title: string) => `‘${title}’ 글을 고쳤지만 나아지지 않았어요`,
    summary: (date: string) => `${date}에 고친 뒤에도 도움이 됐다는 비율이 오르지 않았어요.`,
  },
  /** "helpful for 2 of 9 → 7 of 10" */
  helpfulChange: (before: string, after: string) => `도움됨 ${before} → ${after}`,
  helpfulOf: (helpful: string, votes: string) => `${votes}명 중 ${helpful}명`,
  digest: {
    title: (period: string) => `주간 요약: ${period}`,
    summary: (unhelpful: string, failed: string, synonyms: string, fixes: string) =>
      `도움이 안 된 글 ${unhelpful}개, 결과 없는 검색 ${failed}개, 반영을 기다리는 동의어 ${synonyms}개, 효과를 확인한 수정 ${fixes}개가 있어요.`,
    fixes: '고친 글의 효과',
    none: '이번 주에는 없어요.',
    unhelpfulShare: (now: string, change: string) => `도움 안 됨 ${now} (${change})`,
    votes: (n: string) => `투표 ${n}개`,
    visitors: (now: string, change: string) => `방문자 ${now}명 (${change})`,
    lastWeek: (before: string) => `지난주 ${before}`,
    people: (n: string) => `${n}명`,
    noVotesLastWeek: '지난주 투표 없음',
    unchanged: '변화 없음',
    points: (n: string) => `${n}%p`,
    synonym: (query: string, title: string) => `‘${query}’ → ${title}`,
    synonymReaders: (n: string) => `독자 ${n}명이 이 검색어로 찾지 못한 뒤 다시 검색해 이 글을 찾았어요.`,
    fixWorked: '효과가 있었어요',
    fixDidNot: '아직 나아지지 않았어요',
    surveys: '설문 점수',
    surveyScore: (score: string, margin: string, n: string) => `${score} ± ${margin} (응답 ${n}개)`,
    surveyChange: (change: string, margin: string, before: string) => `지난주 ${before}에서 ${change} (± ${margin})`,
    withinMargin: '오차 범위 안의 변화예요',
    noAnswers: '응답 없음',
    noAnswersLastWeek: '지난주 응답 없음',
    themes: '독자들이 말하는 것',
    mentions: (now: string, change: string) => `언급 ${now}건 (${change})`,
    mentionsOf: (n: string) => `${n}건`,
    newTheme: '새 주제',
  },
  test: {
    title: 'Helploop 테스트 알림',
    summary: (destination: string) =>
      `알림 대상 ‘${destination}’에 보낸 테스트예요. 이 메시지가 보이면 알림이 잘 도착하는 거예요.`,
    settings: '알림 설정',
  },
};

/** The words of one language; English has the same keys and arguments as Korean's, checked by the compiler. */
export type MessageWords = typeof ko;

const plural = (n: string, one: string, other: string) => (n === '1' ? one : other);

const en: MessageWords = {
  openStaffPage: 'Open in Helploop staff',
  more: (n) => `${n} more on the staff page.`,
  noReason: 'No reason given',
  noVotes: 'no votes',
  comments: {
    title: (title, n) => `${n} new ${plural(n, 'comment', 'comments')} on “${title}”`,
    summary: (n, period) => `Readers voted “No” and left ${n} ${plural(n, 'comment', 'comments')} (${period}).`,
  },
  surveyComments: {
    title: (survey, n) => `${n} new low ${plural(n, 'score', 'scores')} with comments on the ${survey} survey`,
    summary: (n, period) => `Readers gave a low score and left ${n} ${plural(n, 'comment', 'comments')} (${period}).`,
    score: (score) => `Score ${score}`,
  },
  unhelpful: {
    title: (title) => `Many readers find “${title}” unhelpful`,
    summary: (days, unhelpful, votes) =>
      `${unhelpful} of ${votes} ${plural(votes, 'reader', 'readers')} said it did not help in the last ${days} days.`,
    confidence: (share, level) => `At least ${share} of readers likely find it unhelpful (alert level ${level}).`,
  },
  failing: {
    title: (query) => `Searches for “${query}” find nothing`,
    summary: (hours, visitors, searches) =>
      `${visitors} ${plural(visitors, 'visitor', 'visitors')} searched ${searches} ${plural(searches, 'time', 'times')} in the last ${hours} hours and found nothing.`,
    newArticle: 'To start an article for this search:',
  },
  fixNotWorking: {
    title: (title) => `“${title}” was fixed but is not more helpful`,
    summary: (date) => `Since the fix on ${date}, its helpful share has not gone up.`,
  },
  helpfulChange: (before, after) => `helpful for ${before} → ${after}`,
  helpfulOf: (helpful, votes) => `${helpful} of ${votes}`,
  digest: {
    title: (period) => `Weekly summary: ${period}`,
    summary: (unhelpful, failed, synonyms, fixes) =>
      `Unhelpful articles: ${unhelpful} · Searches with no results: ${failed} · Synonyms waiting: ${synonyms} · Fixes checked: ${fixes}`,
    fixes: 'Did the fixes work?',
    none: 'None this week.',
    unhelpfulShare: (now, change) => `Unhelpful ${now} (${change})`,
    votes: (n) => `${n} ${plural(n, 'vote', 'votes')}`,
    visitors: (now, change) => `${now} ${plural(now, 'visitor', 'visitors')} (${change})`,
    lastWeek: (before) => `last week ${before}`,
    people: (n) => n,
    noVotesLastWeek: 'no votes last week',
    unchanged: 'no change',
    points: (n) => `${n} pts`,
    synonym: (query, title) => `“${query}” → ${title}`,
    synonymReaders: (n) =>
      `${n} ${plural(n, 'reader', 'readers')} found nothing for this search, searched again and found this article.`,
    fixWorked: 'Worked',
    fixDidNot: 'Not better yet',
    surveys: 'Survey scores',
    surveyScore: (score, margin, n) => `${score} ± ${margin} (n = ${n})`,
    surveyChange: (change, margin, before) => `${change} ± ${margin} from ${before} last week`,
    withinMargin: 'within the margin of error',
    noAnswers: 'no answers',
    noAnswersLastWeek: 'no answers last week',
    themes: 'What readers are saying',
    mentions: (now, change) => `${now} ${plural(now, 'mention', 'mentions')} (${change})`,
    mentionsOf: (n) => n,
    newTheme: 'new',
  },
  test: {
    title: 'Helploop test notification',
    summary: (destination) => `A test sent to “${destination}”. If you can read this, notifications arrive.`,
    settings: 'Notification settings',
  },
};

export const messageWords: Record<Locale, MessageWords> = { ko, en };
