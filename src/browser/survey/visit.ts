/**
 * Where the survey rules keep what they know: the visit in sessionStorage (it ends with the tab), when each survey
 * was last asked in localStorage (the throttle outlives the visit). No cookies. Without storage nothing is asked,
 * since the throttle could not be kept.
 */
import { newVisit, type Visit } from './eligibility.ts';

const VISIT_KEY = 'helploop:survey-visit';
const ASKED_KEY = 'helploop:survey-asked';

function readJson<T>(storage: Storage, key: string): T | undefined {
  try {
    return (JSON.parse(storage.getItem(key) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeJson(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the survey rules then see a fresh visit, and asking stays off (see storageWorks).
  }
}

export function storageWorks(): boolean {
  try {
    localStorage.setItem(ASKED_KEY, localStorage.getItem(ASKED_KEY) ?? '{}');
    sessionStorage.setItem(VISIT_KEY, sessionStorage.getItem(VISIT_KEY) ?? JSON.stringify(newVisit(Math.random())));
    return true;
  } catch {
    return false;
  }
}

export function readVisit(): Visit {
  return readJson<Visit>(sessionStorage, VISIT_KEY) ?? newVisit(Math.random());
}

export function updateVisit(change: (visit: Visit) => Visit): Visit {
  const visit = change(readVisit());
  writeJson(sessionStorage, VISIT_KEY, visit);
  return visit;
}

/** The article feedback calls this on a No: no survey in the rest of this visit. */
export function noteVotedNo(): void {
  updateVisit((visit) => ({ ...visit, votedNo: true }));
}

export function lastAsked(): Record<string, number> {
  return readJson<Record<string, number>>(localStorage, ASKED_KEY) ?? {};
}

/** Showing a survey counts as asking it, whether the reader answers or dismisses it. */
export function noteAsked(surveyId: string, now: number): void {
  updateVisit((visit) => ({ ...visit, asked: true }));
  writeJson(localStorage, ASKED_KEY, { ...lastAsked(), [surveyId]: now });
}
