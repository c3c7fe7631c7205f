import { setImmediate as nextTurn } from 'node:timers/promises';

/** Items handled between two turns of the event loop: a few milliseconds of work. */
const SLICE = 2_000;

/**
 * Calls `each` on every item of a long list a slice at a time, letting the event loop serve requests between
 * slices: a periodic job's first run over a large backlog (hundreds of thousands of rows) must not hold every reader
 * for half a second.
 */
export async function inTurns<T>(list: readonly T[], each: (item: T) => void): Promise<void> {
  for (let at = 0; at < list.length; at += SLICE) {
    if (at > 0) await nextTurn();
    for (const item of list.slice(at, at + SLICE)) each(item);
  }
}

/** `list.map(map)`, a slice at a time (see inTurns). */
export async function mapInTurns<T, R>(list: readonly T[], map: (item: T) => R): Promise<R[]> {
  const mapped: R[] = [];
  await inTurns(list, (item) => mapped.push(map(item)));
  return mapped;
}
