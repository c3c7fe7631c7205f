/**
 * What each notification says, in the recipient's language, before any format: a title, a one-line summary and
 * sections of items, each item linking to its staff page. The Slack and e-mail renderers (render/) lay this out;
 * neither adds words of its own. Every string here is plain text: the renderers escape it for their format.
 */
import { reasonLabels, unhelpfulReasons, type UnhelpfulReason } from '../../src/shared/feedback-reasons.ts';
import type { Locale } from '../../src/shared/locales.ts';
import { staffMessages } from '../../src/shared/staff-messages.ts';
import { messageWords } from './message-words.ts';
import type { Notification, NotificationData } from './notification.ts';

export interface Message {
  locale: Locale;
  title: string;
  summary: string;
  sections: MessageSection[];
  /** The button (or link) to the staff page that shows the whole of it. */
  action: Link;
}
export interface Link {
  label: string;
  /** Absolute. */
  url: string;
}
export interface MessageSection {
  heading: string | null;
  items: MessageItem[];
  /** Said when there are no items. */
  empty: string | null;
}
/** One article, search or comment: its label links to its staff page, its lines say what happened. */
export interface MessageItem extends Link {
  lines: MessageLine[];
}
/** `quote` is a reader's own words; `code` a command to copy. */
export interface MessageLine {
  kind: 'text' | 'quote' | 'code';
  text: string;
}

export interface MessageOptions {
  /** The help center's public address, which makes the staff pages' paths absolute. */
  baseUrl: string;
  /** The zone times are shown in; UTC unless given. */
  timeZone?: string;
}

type Helpfulness = NotificationData<'article.fix-not-working'>['before'];
type Survey = NotificationData<'survey.comments'>['survey'];
type Draft = Omit<Message, 'locale' | 'action'> & { action: { url: string; label?: string } };

/** A formatter of numbers, shares and dates in one language, with that language's words. */
function wordsFor(locale: Locale, options: MessageOptions) {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const timeZone = options.timeZone ?? 'UTC';
  // A bare day (2025-03-09) has no time to shift; a moment is shown as the wall clock of the zone.
  const day = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  return {
    locale,
    words: messageWords[locale],
    staff: staffMessages[locale],
    number: (n: number) => number.format(n),
    percent: (share: number) => percent.format(share),
    /** "+33%", "−25%": a relative change. */
    signedPercent: (change: number) => signedPercent.format(change),
    decimal: (n: number) => decimal.format(n),
    date: (text: string) => (isDay(text) ? day : moment).format(dateOf(text)),
    /** "3월 10일 오후 2:10~2:15": what the two ends share is said once. */
    period: (from: string, to: string) => (isDay(from) ? day : moment).formatRange(dateOf(from), dateOf(to)),
    url: (path: string) => new URL(path, options.baseUrl).href,
  };
}
type Words = ReturnType<typeof wordsFor>;
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
const dateOf = (text: string) => new Date(isDay(text) ? `${text}T00:00:00Z` : text);

const isReason = (reason: string): reason is UnhelpfulReason =>
  (unhelpfulReasons as readonly string[]).includes(reason);

function helpfulOf(w: Words, helpfulness: Helpfulness): string {
  return helpfulness.votes
    ? w.words.helpfulOf(w.number(helpfulness.helpful), w.number(helpfulness.votes))
    : w.words.noVotes;
}
const helpfulChange = (w: Words, before: Helpfulness, after: Helpfulness) =>
  w.words.helpfulChange(helpfulOf(w, before), helpfulOf(w, after));

/** "↑5" or "↓3"; `points` words a change of shares. */
function arrow(w: Words, now: number, before: number, points?: (n: string) => string): string {
  const difference = points ? Math.round((now - before) * 100) : now - before;
  if (difference === 0) return w.words.digest.unchanged;
  const size = w.number(Math.abs(difference));
  return `${difference > 0 ? '↑' : '↓'}${points ? points(size) : size}`;
}

const text = (line: string): MessageLine => ({ kind: 'text', text: line });
const one = (items: MessageItem[]): MessageSection[] => [{ heading: null, items, empty: null }];

function comments(data: NotificationData<'feedback.comments'>, w: Words): Draft {
  const { article } = data;
  const count = w.number(data.comments.length);
  return {
    title: w.words.comments.title(article.title, count),
    summary: w.words.comments.summary(count, w.period(data.window.from, data.window.to)),
    sections: one(
      data.comments.map((comment) => ({
        label: [
          comment.reason === null
            ? w.words.noReason
            : isReason(comment.reason)
              ? reasonLabels[w.locale][comment.reason]
              : comment.reason,
          w.date(comment.at),
        ].join(' · '),
        url: w.url(article.staffUrl),
        lines: [{ kind: 'quote', text: comment.comment }],
      })),
    ),
    action: { url: article.staffUrl },
  };
}

/** "NPS", or "loyalty (NPS)" when site.yaml named the survey otherwise. */
const surveyName = ({ id, kind }: Survey) => (id === kind ? kind.toUpperCase() : `${id} (${kind.toUpperCase()})`);

function surveyComments(data: NotificationData<'survey.comments'>, w: Words): Draft {
  const count = w.number(data.answers.length);
  return {
    title: w.words.surveyComments.title(surveyName(data.survey), count),
    summary: w.words.surveyComments.summary(count, w.period(data.window.from, data.window.to)),
    sections: one(
      data.answers.map((answer) => ({
        label: [
          w.words.surveyComments.score(w.number(answer.score)),
          answer.article?.title ?? answer.context,
          w.date(answer.at),
        ]
          .filter(Boolean)
          .join(' · '),
        url: w.url(answer.article?.staffUrl ?? data.staffUrl),
        lines: [{ kind: 'quote', text: answer.comment }],
      })),
    ),
    action: { url: data.staffUrl },
  };
}

/**
 * A survey's line in the digest: NPS in points, CES and CSAT as top-box shares, each with its 95% margin, and the
 * change against the week before with its own margin, said to be noise when within it.
 */
function surveyLine(w: Words, survey: NotificationData<'digest.weekly'>['surveys'][number]): string {
  const { words } = w;
  const nps = survey.kind === 'nps';
  const score = (value: number) => (nps ? w.decimal(value) : w.percent(value));
  const size = (value: number) => (nps ? w.decimal(value) : words.digest.points(w.number(Math.round(value * 100))));
  if (survey.score === null) return words.digest.noAnswers;
  const now = words.digest.surveyScore(score(survey.score), size(survey.marginOfError!), w.number(survey.n));
  const { change, previous } = survey;
  if (!change || previous.score === null) return `${now}, ${words.digest.noAnswersLastWeek}`;
  const moved =
    change.value === 0 ? words.digest.unchanged : `${change.value > 0 ? '↑' : '↓'}${size(Math.abs(change.value))}`;
  return [
    now,
    words.digest.surveyChange(moved, size(change.marginOfError), score(previous.score)),
    ...(Math.abs(change.value) <= change.marginOfError ? [words.digest.withinMargin] : []),
  ].join(', ');
}

/** A theme's line in the digest: its mentions this week and their change, or that it is new. */
function themeLine(w: Words, theme: NotificationData<'digest.weekly'>['themes'][number]): string {
  const { words } = w;
  const change =
    theme.growth === null
      ? words.digest.newTheme
      : `${w.signedPercent(theme.growth)}, ${words.digest.lastWeek(words.digest.mentionsOf(w.number(theme.previous)))}`;
  return words.digest.mentions(w.number(theme.count), change);
}

function unhelpful(data: NotificationData<'article.unhelpful'>, w: Words): Draft {
  const { article } = data;
  return {
    title: w.words.unhelpful.title(article.title),
    summary: w.words.unhelpful.summary(w.number(data.days), w.number(data.unhelpful), w.number(data.votes)),
    sections: one([
      {
        label: article.title,
        url: w.url(article.staffUrl),
        lines: [
          text(w.staff.helpfulOf(w.number(data.helpful), w.number(data.votes))),
          text(w.words.unhelpful.confidence(w.percent(data.confidence), w.percent(data.level))),
        ],
      },
    ]),
    action: { url: article.staffUrl },
  };
}

function failing(data: NotificationData<'search.failing'>, w: Words): Draft {
  return {
    title: w.words.failing.title(data.query),
    summary: w.words.failing.summary(w.number(data.hours), w.number(data.visitors), w.number(data.searches)),
    sections: one([
      {
        label: data.query,
        url: w.url(data.staffUrl),
        lines: [text(w.words.failing.newArticle), { kind: 'code', text: data.newArticleCommand }],
      },
    ]),
    action: { url: data.staffUrl },
  };
}

function fixNotWorking(data: NotificationData<'article.fix-not-working'>, w: Words): Draft {
  const { article } = data;
  return {
    title: w.words.fixNotWorking.title(article.title),
    summary: w.words.fixNotWorking.summary(w.date(data.fixedAt)),
    sections: one([
      { label: article.title, url: w.url(article.staffUrl), lines: [text(helpfulChange(w, data.before, data.after))] },
    ]),
    action: { url: article.staffUrl },
  };
}

function digest(data: NotificationData<'digest.weekly'>, w: Words): Draft {
  const { words, staff } = w;
  const section = (heading: string, items: MessageItem[]): MessageSection => ({
    heading,
    items,
    empty: words.digest.none,
  });
  const shareChange = ({ now, before }: { now: number | null; before: number | null }) =>
    words.digest.unhelpfulShare(
      now === null ? words.noVotes : w.percent(now),
      before === null
        ? words.digest.noVotesLastWeek
        : [now === null ? null : arrow(w, now, before, words.digest.points), words.digest.lastWeek(w.percent(before))]
            .filter(Boolean)
            .join(', '),
    );
  return {
    title: words.digest.title(w.period(data.period.from, data.period.to)),
    summary: words.digest.summary(
      w.number(data.unhelpful.length),
      w.number(data.failedSearches.length),
      w.number(data.synonymsWaiting.length),
      w.number(data.fixes.length),
    ),
    sections: [
      section(
        staff.reports.unhelpful,
        data.unhelpful.map((entry) => ({
          label: entry.article.title,
          url: w.url(entry.article.staffUrl),
          lines: [text(`${shareChange(entry.unhelpful)} · ${words.digest.votes(w.number(entry.votes))}`)],
        })),
      ),
      section(
        staff.reports['failed-searches'],
        data.failedSearches.map((search) => ({
          label: search.query,
          url: w.url(search.staffUrl),
          lines: [
            text(
              words.digest.visitors(
                w.number(search.visitors),
                `${arrow(w, search.visitors, search.visitorsBefore)}, ${words.digest.lastWeek(words.digest.people(w.number(search.visitorsBefore)))}`,
              ),
            ),
          ],
        })),
      ),
      section(
        staff.reports.synonyms,
        data.synonymsWaiting.map((synonym) => ({
          label: words.digest.synonym(synonym.query, synonym.article.title),
          url: w.url(synonym.article.staffUrl),
          lines: [text(words.digest.synonymReaders(w.number(synonym.readers)))],
        })),
      ),
      section(
        words.digest.fixes,
        data.fixes.map((fix) => ({
          label: fix.article.title,
          url: w.url(fix.article.staffUrl),
          lines: [
            text(
              `${fix.worked ? words.digest.fixWorked : words.digest.fixDidNot}: ${helpfulChange(w, fix.before, fix.after)}`,
            ),
          ],
        })),
      ),
      section(
        words.digest.surveys,
        data.surveys.map((survey) => ({
          label: surveyName(survey),
          url: w.url(data.staffUrl),
          lines: [text(surveyLine(w, survey))],
        })),
      ),
      // Themes appear once the site has them: a digest without says nothing of them.
      ...(data.themes.length
        ? [
            section(
              words.digest.themes,
              data.themes.map((theme) => ({
                label: theme.label,
                url: w.url(theme.staffUrl),
                lines: [text(themeLine(w, theme))],
              })),
            ),
          ]
        : []),
    ],
    action: { url: data.staffUrl },
  };
}

function test(data: NotificationData<'test'>, w: Words): Draft {
  return {
    title: w.words.test.title,
    summary: w.words.test.summary(data.destination),
    sections: one([{ label: w.words.test.settings, url: w.url(data.staffUrl), lines: [] }]),
    action: { url: data.staffUrl, label: w.words.test.settings },
  };
}

function draft(notification: Notification, w: Words): Draft {
  switch (notification.type) {
    case 'feedback.comments':
      return comments(notification.data, w);
    case 'survey.comments':
      return surveyComments(notification.data, w);
    case 'article.unhelpful':
      return unhelpful(notification.data, w);
    case 'search.failing':
      return failing(notification.data, w);
    case 'article.fix-not-working':
      return fixNotWorking(notification.data, w);
    case 'digest.weekly':
      return digest(notification.data, w);
    case 'test':
      return test(notification.data, w);
  }
}

/** The notification as words in `locale`, its links absolute. */
export function composeMessage(notification: Notification, locale: Locale, options: MessageOptions): Message {
  const w = wordsFor(locale, options);
  const { action, ...rest } = draft(notification, w);
  return { locale, ...rest, action: { label: action.label ?? w.words.openStaffPage, url: w.url(action.url) } };
}
