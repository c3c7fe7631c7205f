import { describe, expect, it } from 'vitest';
import { stemForms, verbOf } from '../../src/shared/search/conjugate.ts';
import { Knowledge, spelledLetters, spelledReadings } from '../../src/shared/search/knowledge.ts';
import { analyzeKorean, isParticleWord, isVerbLike } from '../../src/shared/search/korean.ts';
import { buildSiteKnowledge } from '../../src/build/search/site-knowledge.ts';
import { loanwordOf, soundSkeleton } from '../../src/shared/search/loanword.ts';
import { segment } from '../../src/shared/search/segment.ts';
import { correctTypo } from '../../src/shared/search/vocabulary.ts';
import { memorySearch, type TestArticle } from '../helpers/memory-index.ts';

/** A small help center of no particular industry: the engine's rules must work on any company's words. */
const articles: TestArticle[] = [
  {
    id: 'ko/account/change-email',
    title: '이메일 주소 변경 방법',
    body: '설정 > 계정에서 이메일 주소를 변경할 수 있습니다. 변경한 주소로 확인 메일이 발송됩니다.',
  },
  {
    id: 'ko/account/reset-password',
    title: '비밀번호 재설정',
    body: '비밀번호를 잊으셨다면 로그인 화면에서 비밀번호 재설정을 누르십시오. 등록된 이메일로 안내가 발송됩니다.',
  },
  {
    id: 'ko/billing/cancel-auto-payment',
    title: '자동결제 해지',
    body: '정기 구독의 자동결제를 해지하려면 설정 > 결제 관리에서 해지를 누르십시오. 해지 후에도 남은 기간은 이용할 수 있고, 환불은 되지 않습니다.',
  },
  {
    id: 'ko/billing/receipt',
    title: '영수증 재발급 신청',
    body: '결제 내역에서 영수증 재발급을 신청할 수 있습니다. 재발급한 영수증은 이메일로 받습니다.',
  },
  {
    id: 'ko/security/otp',
    title: 'OTP 등록하기',
    body: 'OTP 앱을 등록하면 로그인할 때 OTP 번호를 함께 입력합니다. 기기를 바꾸면 다시 등록해야 합니다.',
  },
  {
    id: 'ko/security/lost-device',
    title: '기기 분실 신고',
    body: '휴대폰을 분실하셨다면 즉시 분실 신고를 해 주십시오. 분실 신고 후 로그인이 제한됩니다.',
  },
  {
    id: 'ko/security/certificate',
    title: '공동인증서 등록',
    body: '공동인증서를 등록하면 본인확인이 간편해집니다. 인증서 암호를 입력하십시오.',
  },
  {
    id: 'ko/account/documents',
    title: '본인 인증 서류 제출',
    body: '가입 심사에 필요한 인증 서류를 제출하는 방법입니다. 서류는 사진으로 올릴 수 있습니다.',
  },
  {
    id: 'ko/billing/prepaid-plan',
    title: '선불 요금제 안내',
    body: '선불 요금제는 미리 충전한 금액만큼 이용하는 요금제입니다. 잔액은 설정에서 확인합니다.',
  },
  {
    id: 'ko/billing/refund',
    title: '환불 기간 안내',
    body: '환불은 신청 후 영업일 기준 3~5일 안에 처리됩니다. 카드 결제는 카드사 사정에 따라 늦어질 수 있습니다.',
  },
];
const find = memorySearch(articles);

describe('general Korean, shipped with the engine', () => {
  it('finds the formal noun an article uses from the native verb a reader types', async () => {
    expect((await find('이메일 바꾸고 싶어요')).slice(0, 3)).toContain('ko/account/change-email');
    expect((await find('폰 잃어버렸어요'))[0]).toBe('ko/security/lost-device');
  });

  it('reads a one-syllable noun with its particle as that noun, searched as the words articles use for it', async () => {
    expect((await find('폰을 잃어버렸어요'))[0]).toBe('ko/security/lost-device');
    expect((await find.outcome('폰이 고장')).terms[0]).toMatchObject({ typed: '폰', via: 'synonym' });
  });

  it('does not take adverbs and pronouns for what a question is about', async () => {
    const outcome = await find.outcome('우리 함께 OTP 먼저 등록');
    expect(outcome.terms.map((term) => term.typed)).toEqual(['otp', '등록']);
    expect(outcome.hits[0].id).toBe('ko/security/otp');
  });

  it('strips particles and endings', async () => {
    expect((await find('환불받으려면'))[0]).toBe('ko/billing/refund');
  });

  it('reads Latin letters spelled in Hangul', async () => {
    expect(spelledLetters('오티피')).toBe('otp');
    expect(spelledLetters('피디에프')).toBe('pdf');
    expect(spelledLetters('오늘')).toBeUndefined();
    expect((await find('오티피 등록'))[0]).toBe('ko/security/otp');
  });

  it('knows a colloquial word for the formal one', async () => {
    expect((await find('비번 재설정'))[0]).toBe('ko/account/reset-password');
  });

  it('recognizes conjugated forms of a verb, and not nouns that start like one', () => {
    const forms = new Map(['바꾸', '내', '보'].flatMap((verb) => stemForms(verb).map((form) => [form, verb] as const)));
    expect(['바꾸고', '바꿔요', '바꿨는데', '바꿀', '바꾸려면'].map((word) => verbOf(word, forms))).toEqual([
      '바꾸',
      '바꾸',
      '바꾸',
      '바꾸',
      '바꾸',
    ]);
    expect(verbOf('내야', forms)).toBe('내');
    expect(verbOf('내용', forms)).toBeUndefined();
    expect(verbOf('내', forms)).toBeUndefined();
  });

  it('recognizes the forms of irregular verbs, and leaves regular ones alone', () => {
    const verbs = ['묻', '고르', '모르', '어렵', '돕', '잇', '잠그', '쓰', '받', '잡'];
    const forms = new Map(verbs.flatMap((verb) => stemForms(verb).map((form) => [form, verb] as const)));
    const words = [
      '물었는데',
      '물으면',
      '골라요',
      '몰랐어요',
      '어려워요',
      '도와주세요',
      '이어서',
      '잠갔어요',
      '썼는데',
    ];
    expect(words.map((word) => verbOf(word, forms))).toEqual([
      '묻',
      '묻',
      '고르',
      '모르',
      '어렵',
      '돕',
      '잇',
      '잠그',
      '쓰',
    ]);
    // 받다 and 잡다 keep their consonant: `발아` and `자워` are no forms of theirs.
    expect([verbOf('발아요', forms), verbOf('자워요', forms), verbOf('받아요', forms)]).toEqual([
      undefined,
      undefined,
      '받',
    ]);
  });
});

describe('what a question is about', () => {
  const site = memorySearch([
    ...articles,
    {
      id: 'ko/account/public-agency',
      title: '공공기관 제출 서류',
      body: '공공기관에 제출할 증명서는 설정에서 신청하십시오.',
    },
    {
      id: 'ko/billing/auto-debit',
      title: '자동이체 출금일',
      body: '자동이체는 매월 지정한 날에 출금됩니다. 출금 내역은 결제 관리에서 봅니다.',
    },
    // Pages of every help center: the words for asking and setting things up are on many of them.
    ...['알림', '언어', '화면', '글자 크기'].map((topic, i) => ({
      id: `ko/settings/topic-${i}`,
      title: `${topic} 설정`,
      body: `${topic}은 설정에서 바꾸고, 변경을 신청할 수 있습니다.`,
    })),
  ]);

  it('does not take a finished word for the start of a longer syllable, except the word being typed', async () => {
    expect((await site.outcome('공고')).hits).toEqual([]);
    expect((await site.outcome('공고', 10, { typing: true })).hits.map((hit) => hit.id)).toContain(
      'ko/account/public-agency',
    );
  });

  it('lets no common word answer for a long compound no page has', async () => {
    // 설정 and 신청 are on many pages; 층간소음 on none: the question is about 층간소음.
    expect((await site.outcome('층간소음 설정 신청')).hits).toEqual([]);
  });

  it('reads a one-syllable noun and particle only where the particle fits its sound (창가 and 달라고 are words)', () => {
    expect(['개만', '시에서', '돈이', '차로', '집을'].map(isParticleWord)).toEqual([true, true, true, true, true]);
    expect(['창가', '달라고', '배는', '값를'].map(isParticleWord)).toEqual([false, false, true, false]);
  });

  it('skips counters, amounts and dates', async () => {
    const outcome = await site.outcome('100만원 영수증 3개만 재발급');
    expect(outcome.terms.map((term) => term.typed)).toEqual(['영수증', '재발급']);
    expect(outcome.hits[0].id).toBe('ko/billing/receipt');
  });

  it('reads two verbs as a phrase only where the phrase’s verb reaches into the second word, or it is endings', () => {
    const { knowledge } = buildSiteKnowledge(
      [
        {
          title: '결제',
          description: '',
          body: '돈이 나가요. 받아 두고 쓰세요. 잊고 지나버렸어요.',
          tags: [],
          aliases: [],
        },
      ],
      [],
    );
    const lexicon = new Knowledge(knowledge);
    expect(lexicon.isPhrase('깜빡하고', '지나버렸어요')).toBe(false);
    expect(lexicon.isPhrase('받아', '두고')).toBe(true);
    expect(lexicon.isPhrase('돈이', '나가요')).toBe(true);
  });

  it('reads a verb phrase whose second word is a verb of its own as one (돈이 나가다 is 출금, not 나가다)', async () => {
    expect((await site.outcome('돈이 나가는 날')).hits[0]?.id).toBe('ko/billing/auto-debit');
  });
});

describe('questions with words the site never uses', () => {
  const site = memorySearch([
    ...articles,
    {
      id: 'ko/billing/change-payment',
      title: '결제 수단 변경',
      body: '설정 > 결제에서 결제 수단을 변경할 수 있습니다. 카드를 새로 등록하면 다음 결제부터 적용됩니다.',
    },
    {
      id: 'ko/app/crash',
      title: '앱이 종료될 때',
      body: '앱이 갑자기 종료되면 앱을 최신 버전으로 업데이트해 주십시오.',
    },
  ]);

  it('answer a question with a verb search understood by the pages that have two of its words or more', async () => {
    expect((await site('아빠 엄마 결제카드 바꾸고 싶어요'))[0]).toBe('ko/billing/change-payment');
    // Without a verb, such a phrase is most often about something the site does not cover.
    expect(await site('아빠 엄마 결제 추천')).toEqual([]);
  });

  it('weigh a verb’s form no list knows as a verb, for nothing', async () => {
    expect(isVerbLike('열자마자')).toBe(true);
    expect(isVerbLike('빙글빙글')).toBe(true);
    expect(isVerbLike('런던')).toBe(false);
    expect((await site('앱 열자마자 종료돼요'))[0]).toBe('ko/app/crash');
  });
});

describe('a word the site mentions once, in passing', () => {
  it('answers a question about it only with a page that names the question’s words in its title or keywords', async () => {
    const site = memorySearch([
      {
        id: 'ko/trip/schedule-change',
        title: '여정 변경 안내',
        body: '출발 전에 여정을 변경할 수 있습니다. 제휴 호텔 혜택은 변경 후에도 유지됩니다. 변경 수수료는 없습니다.',
      },
      {
        id: 'ko/trip/refund',
        title: '환불 규정',
        body: '출발 전 취소하면 전액 환불됩니다. 취소 수수료는 출발일에 따라 다릅니다.',
      },
      {
        id: 'ko/trip/seat',
        title: '좌석 선택',
        body: '좌석은 예약 후 선택합니다. 좌석 변경은 출발 전까지 가능합니다.',
      },
    ]);
    expect(await site('제휴 호텔 수수료')).toEqual([]);
    expect((await site('호텔 변경 수수료'))[0]).toBe('ko/trip/schedule-change');
  });
});

describe('an English word the site mentions once, in passing', () => {
  const site = memorySearch([
    {
      id: 'en/trip/schedule-change',
      title: 'Changing your itinerary',
      body: 'You can change your itinerary before departure. Partner hotel benefits stay after the change. There is no change fee.',
    },
    {
      id: 'en/trip/refund',
      title: 'Refund policy',
      body: 'Cancel before departure for a full refund. The cancellation fee depends on the departure date.',
    },
    {
      id: 'en/trip/front-desk',
      title: 'Contacting the front desk',
      body: 'Write to the front desk from the app. The desk will reply within a day.',
    },
  ]);
  it('answers a question about it only with a page that names its words in the title, or has one through the lexicon', async () => {
    expect(await site('partner hotel fee')).toEqual([]);
    expect((await site('hotel change fee'))[0]).toBe('en/trip/schedule-change');
    // `answer` is on no page; the lexicon finds it as `reply`, how this page names the same thing.
    expect((await site('app answer'))[0]).toBe('en/trip/front-desk');
  });
});

describe('a page that outranks every page covering the question', () => {
  it('answers it too, though it lacks some of its common words', async () => {
    const site = memorySearch([
      {
        id: 'ko/x/compensation',
        title: '지연 보상금',
        body: '약속한 날보다 늦으면 보상금을 드립니다. 지연된 날수만큼 드립니다.',
      },
      { id: 'ko/x/order-payment', title: '구매 안내', body: '주문 후 결제를 마치면 접수됩니다.' },
      { id: 'ko/x/event', title: '이벤트', body: '이벤트 보상금은 지연 없이 다음 달에 드립니다.' },
      { id: 'ko/x/shipping', title: '배송', body: '배송 지연 시 문자로 알려 드립니다.' },
      { id: 'ko/x/cart', title: '장바구니', body: '장바구니에서 주문합니다.' },
      { id: 'ko/x/card', title: '카드', body: '카드로 결제합니다.' },
    ]);
    // The first page has under half the question's weight (no 주문, no 결제), but its title names the rest.
    expect(await site('주문 결제가 지연되면 보상금')).toEqual(['ko/x/compensation', 'ko/x/order-payment']);
  });
});

describe('a site word shaped like a counter with its particle', () => {
  it('is searched, not dropped as `개만` is', async () => {
    const site = memorySearch([
      {
        id: 'ko/video/class-recording',
        title: '수업 녹화 다시 보기',
        body: '지난 수업의 녹화는 강의실 메뉴에서 봅니다.',
      },
      {
        id: 'ko/video/meeting-recording',
        title: '회의 녹화 다시 보기',
        body: '회의 녹화는 회의가 끝나고 한 시간 뒤에 올라옵니다.',
      },
    ]);
    expect(await site('회의 녹화 어디서 봐요')).toEqual(['ko/video/meeting-recording']);
  });
});

describe('a lexicon phrase whose last noun has a particle', () => {
  it('is read as the phrase, as `몇 시`', async () => {
    const site = memorySearch([
      { id: 'ko/store/hours', title: '운영 시간', body: '매장 운영 시간은 오전 10시부터 오후 8시까지입니다.' },
      {
        id: 'ko/store/parking',
        title: '매장 주차',
        body: '매장 주차장은 지하 2층에 있습니다. 매장 이용 고객은 무료입니다.',
      },
    ]);
    expect((await site('매장 몇 시까지 해요'))[0]).toBe('ko/store/hours');
  });
});

describe('matching that needs no dictionary', () => {
  it('splits a glued word at the boundary the site words allow, not after the longest known start', async () => {
    expect(segment('인증서류', (part) => ['인증', '인증서', '서류'].includes(part))).toEqual(['인증', '서류']);
    expect((await find('인증서류'))[0]).toBe('ko/account/documents');
    expect((await find('자동결제해지방법'))[0]).toBe('ko/billing/cancel-auto-payment');
  });

  it('reads a piece of a glued word the site does not have as a typed word: a verb by the words articles use', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/app/notifications-off',
        title: '앱 알림 비활성화',
        body: '설정 > 알림에서 알림을 비활성화할 수 있습니다.',
      },
    ]);
    expect((await site('알림끄기'))[0]).toBe('ko/app/notifications-off');
  });

  it('splits one word from the way a question ends, glued to it', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/account/leave', title: '탈퇴 안내', body: '설정 > 계정에서 탈퇴를 누르면 계정이 삭제됩니다.' },
    ]);
    expect((await site('회원탈퇴하는법'))[0]).toBe('ko/account/leave');
  });

  it('joins a word the reader spaced apart', async () => {
    expect((await find('영수증 재 발급'))[0]).toBe('ko/billing/receipt');
  });

  it('corrects a typo into a site word', async () => {
    expect((await find('환블 기간'))[0]).toBe('ko/billing/refund');
  });

  it('corrects a vowel written for one that sounds alike, even in two syllables and where it ends like a verb', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/video/playback-speed',
        title: '동영상 배속 재생',
        body: '재생 화면에서 배속을 고릅니다. 재생 속도는 저장됩니다.',
      },
      {
        id: 'ko/friends/invite',
        title: '친구 초대',
        body: '초대 링크를 보내면 친구가 가입할 수 있습니다. 초대한 친구 목록도 봅니다.',
      },
    ]);
    expect(correctTypo('재셍', { words: { 재생: 3, 재발급: 2 } })).toBe('재생');
    // Any other one-letter change is too loose a guess in two syllables.
    expect(correctTypo('초다', { words: { 초대: 5 } })).toBeUndefined();
    expect((await site('초데'))[0]).toBe('ko/friends/invite');
    // A site word glued to a misspelled one: the misspelled one is corrected, not the site word (배속 is not 배송).
    expect((await site('배속재셍'))[0]).toBe('ko/video/playback-speed');
  });

  it('matches a loanword spelled in the other script by its consonants, when it has three or more', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/integrations/slack',
        title: 'Slack 연동',
        body: 'Slack 워크스페이스에 알림을 보냅니다. Slack 채널을 고르십시오.',
      },
      {
        id: 'ko/devices/laptop',
        title: '노트북에서 사용하기',
        body: '노트북 브라우저에서 로그인합니다. 노트북 화면에 맞춰 보입니다.',
      },
    ]);
    expect(soundSkeleton('슬랙')).toBe(soundSkeleton('slack'));
    expect((await site('슬랙 연동'))[0]).toBe('ko/integrations/slack');
    expect((await site('notebook'))[0]).toBe('ko/devices/laptop');
  });

  it('matches a loanword of two consonants only when its vowels line up too', () => {
    const vocabulary = (words: Record<string, number>) => ({ pages: 1, words, known: [] });
    expect(loanwordOf('스테이', vocabulary({ stay: 2 }))).toBe('stay');
    expect(loanwordOf('스테이', vocabulary({ site: 2 }))).toBeUndefined();
    expect(loanwordOf('아이반', vocabulary({ iban: 2 }))).toBe('iban');
    // About as many letters as syllables: a short Hangul word is no long brand name.
    expect(loanwordOf('키로', vocabulary({ kilogram: 2 }))).toBeUndefined();
  });

  it('reads a loanword glued to a Korean word as the site’s Latin word and that word', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/billing/swift',
        title: 'SWIFT 코드 확인',
        body: '해외 송금에는 은행의 SWIFT 코드가 필요합니다.',
      },
    ]);
    expect((await site('스위프트코드'))[0]).toBe('ko/billing/swift');
  });

  it('reads a glued verb’s -기 form as that verb even where a page has the form as a word', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/app/notifications-off',
        title: '앱 알림 비활성화',
        body: '설정 > 알림에서 알림을 비활성화할 수 있습니다.',
      },
      { id: 'ko/app/screen', title: '화면 설정', body: '화면 끄기 버튼으로 화면을 어둡게 합니다.' },
    ]);
    expect((await site('알림끄기'))[0]).toBe('ko/app/notifications-off');
  });

  it('splits off a complaint glued to the word it is about (안 + a clipped verb)', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/app/notifications', title: '알림이 오지 않아요', body: '설정 > 알림에서 알림 허용을 켜 주십시오.' },
    ]);
    expect((await site('알림안뜸'))[0]).toBe('ko/app/notifications');
  });

  it('reads a glued piece the site spaces on its other pages as the site’s two words', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/app/dnd-mode', title: '방해 금지 모드', body: '방해 금지 모드를 켜면 알림이 울리지 않습니다.' },
      { id: 'ko/app/dnd-hours', title: '방해 금지 시간', body: '방해 금지 시간을 정하면 그 시간에는 조용합니다.' },
      { id: 'ko/app/sound', title: '알림 소리', body: '방해금지 중에도 전화는 울립니다.' },
    ]);
    expect((await site('방해금지모드'))[0]).toBe('ko/app/dnd-mode');
  });

  it('corrects a typo only where a syllable or grammar is left over, not half a compound', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/account/delete', title: '계정 삭제', body: '계정을 삭제하면 계정 정보가 지워집니다.' },
      { id: 'ko/account/lock', title: '계정 잠금 해제', body: '계정이 잠기면 본인 인증 후 풀 수 있습니다.' },
    ]);
    expect(await site('계절할인')).toEqual([]);
    expect((await site('계정삭제'))[0]).toBe('ko/account/delete');
  });

  it('clips a compound that ends in a compound in its end only', () => {
    const { knowledge } = buildSiteKnowledge(
      [
        {
          title: '생체비밀번호 등록',
          description: '',
          body: '생체비밀번호를 등록하면 지문으로 로그인합니다.',
          tags: [],
          aliases: [],
        },
      ],
      [],
    );
    expect(knowledge.abbreviations['생체비번']).toBe('생체비밀번호');
  });

  it('finds an English word written with a hyphen from its Hangul spelling, whose vowels are the word’s', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/booking/no-show',
        title: '예약 부도(No-Show) 수수료',
        body: '예약 시간에 오지 않으면 No-Show 수수료가 부과됩니다.',
      },
    ]);
    expect((await site('노쇼 수수료'))[0]).toBe('ko/booking/no-show');
    expect(loanwordOf('키로', { pages: 1, words: { google: 2 }, known: [] })).toBeUndefined();
  });

  it('reads every way Hangul letter names spell Latin letters: 티비 is TV', async () => {
    expect(spelledReadings('티비')).toEqual(['tb', 'tv']);
    const site = memorySearch([
      ...articles,
      { id: 'ko/devices/tv', title: 'TV에서 보기', body: 'TV 앱을 설치하면 큰 화면에서 볼 수 있습니다.' },
    ]);
    expect((await site('티비로 보고 싶어요'))[0]).toBe('ko/devices/tv');
  });

  it('knows 사이즈 for 크기, not a misspelled 사이트', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/upload/limit', title: '파일 크기 제한', body: '올릴 수 있는 파일의 크기는 20MB까지입니다.' },
      { id: 'ko/site/address', title: '사이트 주소', body: '사이트 주소는 설정에서 바꿉니다.' },
    ]);
    expect((await site('사이즈'))[0]).toBe('ko/upload/limit');
  });

  it('corrects four Latin letters with two neighbours swapped, and nothing looser', () => {
    expect(correctTypo('crad', { words: { card: 3 } })).toBe('card');
    expect(correctTypo('cart', { words: { card: 3 } })).toBeUndefined();
  });

  it('never corrects a real word into a site word', async () => {
    expect(await find('선물')).toEqual([]);
    expect(await find('선물하기')).toEqual([]);
  });

  it('learns clipped forms of the site compounds', async () => {
    const clipped = memorySearch([
      ...articles,
      { id: 'ko/billing/gift-card', title: '문화상품권 사용', body: '문화상품권 번호를 입력해 충전합니다.' },
    ]);
    expect((await clipped('문상 사용'))[0]).toBe('ko/billing/gift-card');
  });

  it('clips a compound of three words to its outer two, even where the site uses that form too', () => {
    const { knowledge } = buildSiteKnowledge(
      [
        {
          title: '해외여행자보험 가입',
          description: '',
          body: '해외여행자보험은 출국 전에 가입합니다. 해외 이용, 여행자 안내, 보험 청구는 따로 봅니다. 해외보험 문의.',
          tags: [],
          aliases: [],
        },
      ],
      [],
    );
    expect(knowledge.abbreviations['해외보험']).toBe('해외여행자보험');
  });

  it('reads a cost named by its thing as the thing, not as a typo of another word', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/visit/parking', title: '주차 안내', body: '주차는 2시간까지 무료이며 이후 주차 요금이 부과됩니다.' },
      { id: 'ko/visit/hours', title: '방문 시간', body: '방문 전 주차 위치를 확인하세요.' },
      { id: 'ko/visit/rules', title: '주의 사항', body: '주차장에서는 주의하세요.' },
    ]);
    expect((await site('주차비'))[0]).toBe('ko/visit/parking');
  });

  it('reads a clipping of a name a page spaces in its title (선약 for 선택 약정) beside the question’s other words', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/plans/contract', title: '선택 약정 할인', body: '선택 약정으로 요금을 25% 할인받습니다.' },
      { id: 'ko/plans/family', title: '가족 결합 할인', body: '가족이 함께 가입하면 요금을 할인합니다.' },
      { id: 'ko/plans/change', title: '요금제 변경', body: '요금제는 앱에서 바꿉니다. 할인은 다음 달부터 적용됩니다.' },
    ]);
    expect(await site('선약 할인')).toEqual(['ko/plans/contract']);
    expect(await site('가결 할인')).toEqual(['ko/plans/family']);
    // Two syllables no title's words start with are still something the site does not cover.
    expect(await site('배결 할인')).toEqual([]);
  });

  it('keeps a clipping that looks like a counter with its particle (장이 for 장기이용)', async () => {
    const site = memorySearch([
      ...articles,
      {
        id: 'ko/plans/long-term',
        title: '장기이용 할인',
        body: '장기이용 고객은 요금을 할인받습니다. 장기 계약과 이용 안내.',
      },
      { id: 'ko/plans/family', title: '가족 할인', body: '가족이 함께 쓰면 요금을 할인합니다.' },
    ]);
    expect((await site('장이 할인'))[0]).toBe('ko/plans/long-term');
  });

  it('clips four syllables no known word explains two by two, and never to a verb’s form', () => {
    const { knowledge } = buildSiteKnowledge(
      [{ title: '블루투스 연결', description: '', body: '블루투스를 켜고 기기를 연결합니다.', tags: [], aliases: [] }],
      [],
    );
    expect(knowledge.abbreviations['블투']).toBe('블루투스');
    expect(Object.keys(knowledge.abbreviations).filter((key) => analyzeKorean(key).predicateLike)).toEqual([]);
  });

  it('keeps the 이 of a word after an open syllable, and strips plural and grouping particles', () => {
    expect(['디스플레이', '차이', '통장이', '학생들이', '친구끼리'].map((word) => analyzeKorean(word).stem)).toEqual([
      '디스플레이',
      '차이',
      '통장',
      '학생',
      '친구',
    ]);
  });

  it('reads a Hangul -ing word as the meaning whose English member it spells (쉐어링 → 공유)', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/files/share', title: '파일 공유', body: '파일을 다른 사람과 공유할 수 있습니다.' },
    ]);
    expect((await site('쉐어링'))[0]).toBe('ko/files/share');
    // A native word whose consonants happen to match stays unknown.
    expect(await site('고양이')).toEqual([]);
  });

  it('takes a glued word’s unknown first part before a site word for a topic the site does not cover', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/billing/fee', title: '요금 납부', body: '요금은 매월 납부합니다.' },
      { id: 'ko/billing/plan', title: '요금제 변경', body: '요금제는 앱에서 바꿉니다.' },
    ]);
    // A question with a verb search understood is answered by pages with two of its words, unless it is about
    // something else: 가스 is no page's word, glued to the site's 요금.
    expect(await site('가스요금 어디서 내요')).toEqual([]);
    expect((await site('요금 어디서 내요'))[0]).toBe('ko/billing/fee');
  });

  it('puts back a syllable the space took from the word before', async () => {
    const site = memorySearch([
      ...articles,
      { id: 'ko/shipping/change-address', title: '배송지 변경', body: '배송지는 출고 전까지 변경할 수 있습니다.' },
      { id: 'ko/shipping/fee', title: '배송 요금', body: '배송 요금은 지역마다 다릅니다.' },
    ]);
    expect((await site('배송 지변경'))[0]).toBe('ko/shipping/change-address');
  });

  it('clips a compound whose middle is no known word by its known ends, and no verb’s form at all', () => {
    const { knowledge } = buildSiteKnowledge(
      [
        {
          title: '내일배움카드 결제',
          description: '',
          body: '내일배움카드로 결제할 수 있습니다. 카드 재생 버튼을 눌러 영상이 재생된다면 정상입니다.',
          tags: [],
          aliases: [],
        },
      ],
      [],
    );
    expect(knowledge.abbreviations['내배카']).toBe('내일배움카드');
    expect(knowledge.abbreviations['재된']).toBeUndefined();
  });

  it('searches a meaning as the word this site’s articles use most, not only as the lexicon’s first word', async () => {
    // These articles say 바꾸다 for change; a reader who types the formal 변경 means the same.
    const native = memorySearch([
      ...articles,
      { id: 'ko/account/password', title: '비밀번호를 잊었어요', body: '로그인 화면에서 비밀번호를 바꿀 수 있습니다.' },
      {
        id: 'ko/account/phone',
        title: '휴대폰 번호 바꾸기',
        body: '설정에서 휴대폰 번호를 바꾸면 인증 문자가 옵니다.',
      },
      { id: 'ko/account/name', title: '이름 바꾸기', body: '이름을 바꾸려면 본인 인증을 다시 합니다.' },
      { id: 'ko/shipping/address', title: '배송지 변경', body: '출고 전에는 배송지를 바꿀 수 있습니다.' },
    ]);
    expect((await native('비밀번호 변경'))[0]).toBe('ko/account/password');
    // Not as a word on most pages (as 확인 is on many sites): it tells no page apart.
    const everywhere = memorySearch([
      { id: 'ko/x/history', title: '내역 조회', body: '내역을 조회하고 확인합니다.' },
      ...['a', 'b', 'c'].map((id) => ({ id: `ko/x/${id}`, title: `${id} 안내`, body: '내용을 확인하세요.' })),
    ]);
    expect((await everywhere.outcome('조회')).terms[0].searched).not.toContain('확인');
    // A site that writes 변경 most keeps it first: the reader's 바꾸고 finds its pages.
    expect((await find('이메일 주소 바꾸고 싶어요'))[0]).toBe('ko/account/change-email');
  });

  it('answers nothing to what the site is not about', async () => {
    expect(await find('서울 날씨')).toEqual([]);
    expect(await find('주식 추천')).toEqual([]);
  });
});

describe('results', () => {
  it('counts every page that answers, beyond the ones it read, so "more results" says how many are left', async () => {
    const many = memorySearch(
      Array.from({ length: 25 }, (_, i) => ({
        id: `ko/help/refund-${i}`,
        title: `환불 안내 ${i}`,
        body: `환불 규정 ${i}번째 글입니다.`,
      })),
    );
    const outcome = await many.outcome('환불', 5);
    expect(outcome.hits).toHaveLength(5);
    expect(outcome.total).toBe(25);
    expect((await many.outcome('환불', 20)).total).toBe(25);
  });

  it('reads the pages it ranks in the same round trip as the check of the first word, not one download later', async () => {
    const many = memorySearch(
      Array.from({ length: 25 }, (_, i) => ({ id: `ko/help/refund-${i}`, title: `환불 안내 ${i}`, body: '환불 규정' })),
    );
    const outcome = await many.outcome('환불', 10);
    expect(outcome.hits).toHaveLength(10);
    // The ten shown and two more to reorder by titles, all asked for before the first arrived.
    expect(many.reads).toHaveLength(12);
    expect(many.reads.every((read) => read.finishedBefore === 0)).toBe(true);
  });

  it('reads no page ahead for a question of several words, whose pages depend on every word', async () => {
    const mixed = memorySearch([
      ...Array.from({ length: 20 }, (_, i) => ({ id: `ko/help/refund-${i}`, title: `환불 안내 ${i}`, body: '환불' })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `ko/help/card-${i}`, title: `카드 등록 ${i}`, body: '카드' })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `ko/help/both-${i}`, title: `카드 환불 ${i}`, body: '카드 환불' })),
    ]);
    const outcome = await mixed.outcome('카드 환불', 5);
    expect(outcome.hits.slice(0, 3).map((hit) => hit.id)).toEqual(
      expect.arrayContaining(['ko/help/both-0', 'ko/help/both-1', 'ko/help/both-2']),
    );
    // The six candidates ranked (five shown and one more), and the best page of each word, read to check it.
    expect(new Set(mixed.reads.map((read) => read.id)).size).toBeLessThanOrEqual(6 + 2);
  });
});

describe('the editors’ synonyms', () => {
  it('are applied like the lexicon', async () => {
    const withSynonyms = memorySearch(articles, [['요금제', '플랜', 'plan']]);
    expect(await find('플랜 안내')).toEqual([]);
    expect((await withSynonyms('플랜 안내'))[0]).toBe('ko/billing/prepaid-plan');
  });
});
