import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newVisit, STAY_MS, surveyToAsk, type Moment, type Visit } from '../../src/browser/survey/eligibility.ts';
import { surveyWords } from '../../src/shared/surveys.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const ces = { id: 'ces', sample: 0.5, throttleDays: 30, on: 'help-center' as const };
const nps = { id: 'nps', sample: 1, throttleDays: 30, on: 'host' as const };
const csat = { id: 'csat', sample: 1, throttleDays: 7, on: 'help-center' as const };

/** A visit that read two articles on its second page, with a draw inside every sample. */
function moment(visit: Partial<Visit> = {}, rest: Partial<Moment> = {}): Moment {
  return {
    visit: { ...newVisit(0.1), pageViews: 2, articles: ['ko/a/one', 'ko/a/two'], ...visit },
    lastAsked: {},
    now: NOW,
    searching: false,
    onArticleMs: 0,
    ...rest,
  };
}

describe('when the help center asks a survey', () => {
  it('asks after two articles read in a visit', () => {
    expect(surveyToAsk([ces], moment())).toBe(ces);
  });

  it('never asks on the first page view, even after a search', () => {
    expect(
      surveyToAsk([ces], moment({ pageViews: 1, articles: ['ko/a/one'], searched: true }, { onArticleMs: STAY_MS })),
    ).toBeUndefined();
  });

  it('asks a reader who searched and stayed on a result a while, not one who just arrived there', () => {
    const searched = { articles: ['ko/a/one'], searched: true };
    expect(surveyToAsk([ces], moment(searched, { onArticleMs: STAY_MS - 1 }))).toBeUndefined();
    expect(surveyToAsk([ces], moment(searched, { onArticleMs: STAY_MS }))).toBe(ces);
    expect(surveyToAsk([ces], moment({ articles: ['ko/a/one'] }, { onArticleMs: STAY_MS }))).toBeUndefined();
  });

  it('never asks during a search, twice in a visit or after a No vote', () => {
    expect(surveyToAsk([ces], moment({}, { searching: true }))).toBeUndefined();
    expect(surveyToAsk([ces], moment({ asked: true }))).toBeUndefined();
    expect(surveyToAsk([ces], moment({ votedNo: true }))).toBeUndefined();
  });

  it('asks only visits whose draw falls within the sample', () => {
    expect(surveyToAsk([ces], moment({ draw: 0.49 }))).toBe(ces);
    expect(surveyToAsk([ces], moment({ draw: 0.5 }))).toBeUndefined();
  });

  it('waits out each survey’s throttle in days', () => {
    const asked = (daysAgo: number) => moment({}, { lastAsked: { ces: NOW - daysAgo * DAY } });
    expect(surveyToAsk([ces], asked(29.9))).toBeUndefined();
    expect(surveyToAsk([ces], asked(30))).toBe(ces);
  });

  it('asks the first help-center survey out of its throttle, never one for host pages', () => {
    expect(surveyToAsk([nps], moment())).toBeUndefined();
    expect(surveyToAsk([nps, ces, csat], moment())).toBe(ces);
    expect(surveyToAsk([nps, ces, csat], moment({}, { lastAsked: { ces: NOW - DAY } }))).toBe(csat);
  });
});

describe('what the survey rules remember', () => {
  const local = new Map<string, string>();
  const session = new Map<string, string>();
  const storage = (map: Map<string, string>) => ({
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  });
  beforeEach(() => {
    local.clear();
    session.clear();
    vi.stubGlobal('localStorage', storage(local));
    vi.stubGlobal('sessionStorage', storage(session));
    vi.useFakeTimers({ now: NOW });
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts a shown survey as asked for this visit and, in localStorage, for its throttle in a later visit', async () => {
    const visit = await import('../../src/browser/survey/visit.ts');
    expect(visit.storageWorks()).toBe(true);
    visit.updateVisit((seen) => ({ ...seen, pageViews: 2, articles: ['ko/a/one', 'ko/a/two'], draw: 0 }));
    visit.noteAsked('ces', Date.now());
    expect(visit.readVisit().asked).toBe(true);

    session.clear();
    vi.advanceTimersByTime(29 * DAY);
    const later = () => ({ ...moment({ draw: 0 }), lastAsked: visit.lastAsked(), now: Date.now() });
    expect(surveyToAsk([ces], later())).toBeUndefined();
    vi.advanceTimersByTime(DAY);
    expect(surveyToAsk([ces], later())).toBe(ces);
  });

  it('remembers a No vote for the rest of the visit', async () => {
    const visit = await import('../../src/browser/survey/visit.ts');
    visit.noteVotedNo();
    expect(visit.readVisit().votedNo).toBe(true);
  });
});

describe('survey wording', () => {
  it('names the company with the Korean particle its last sound takes', () => {
    const nps = { id: 'nps', kind: 'nps', sample: 1, throttleDays: 30, on: 'host' } as const;
    expect(surveyWords(nps, 'ko', '마루마켓').question).toBe('마루마켓을 지인에게 추천할 의향은 얼마나 되나요?');
    expect(surveyWords(nps, 'ko', '헬프루프').question).toBe('헬프루프를 지인에게 추천할 의향은 얼마나 되나요?');
    expect(surveyWords(nps, 'en', 'Maru Market').question).toBe(
      'How likely are you to recommend Maru Market to a friend?',
    );
  });
});
