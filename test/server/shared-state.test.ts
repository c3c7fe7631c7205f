import { afterEach, describe, expect, it } from 'vitest';
import { createSharedState } from '../../server/db/shared-state.ts';
import { onOneInstance } from '../../server/job-lease.ts';
import { ENGINES, openFreshEngine } from '../helpers/engines.ts';

const at = (minutes: number) => new Date(Date.parse('2026-11-20T10:00:00Z') + minutes * 60_000).toISOString();

describe.each(ENGINES)('shared between instances, on %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof openFreshEngine>>;
  afterEach(() => fresh?.close());

  it('gives a job lease to one holder at a time, lets it renew, and lets another take it once it lapses', async () => {
    fresh = await openFreshEngine(kind);
    // Two instances, each with its own connection to the one database.
    const [a, b] = [createSharedState(fresh.engine.db), createSharedState((await fresh.observer()).db)];
    const asked = await Promise.all([a.lease('rollup', 'a', at(0), at(50)), b.lease('rollup', 'b', at(0), at(50))]);
    expect(asked.filter(Boolean)).toHaveLength(1);
    const [holder, other] = asked[0] ? [a, b] : [b, a];
    const [holderName, otherName] = asked[0] ? ['a', 'b'] : ['b', 'a'];
    expect(await other.lease('rollup', otherName, at(49), at(99))).toBe(false);
    expect(await holder.lease('rollup', holderName, at(49), at(99))).toBe(true);
    // The holder stopped renewing (it crashed): once the lease lapses, the other takes it.
    expect(await other.lease('rollup', otherName, at(98), at(148))).toBe(false);
    expect(await other.lease('rollup', otherName, at(99), at(149))).toBe(true);
    expect(await holder.lease('rollup', holderName, at(100), at(150))).toBe(false);
  });

  it('runs a leased job on one instance of several that start it at once', async () => {
    fresh = await openFreshEngine(kind);
    const engines = [fresh.engine, await fresh.observer(), await fresh.observer()];
    let runs = 0;
    const clock = () => new Date('2026-11-20T10:00:00Z');
    const jobs = engines.map((engine) =>
      onOneInstance(createSharedState(engine.db), 'rollup', 3_000_000, clock, async () => void runs++),
    );
    expect((await Promise.all(jobs.map((job) => job()))).filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // The next turn of every instance within the hold: still only the holder's.
    await Promise.all(jobs.map((job) => job()));
    expect(runs).toBe(2);
  });

  it('reserves rate-limit events atomically: concurrent reservations add up exactly', async () => {
    fresh = await openFreshEngine(kind);
    const instances = [fresh.engine, await fresh.observer()].map((engine) => createSharedState(engine.db));
    const totals = await Promise.all(
      Array.from({ length: 40 }, (_, i) => instances[i % 2]!.reserve('visitor:flooder', 29_000_000, 5)),
    );
    expect(Math.max(...totals)).toBe(200);
    // Each answer is a distinct running total: no two reservations saw the same count.
    expect(new Set(totals).size).toBe(40);
    // Another minute counts from zero, and the past minute's row is gone once an instance reserves in a new one.
    expect(await instances[0]!.reserve('visitor:flooder', 29_000_001, 5)).toBe(5);
  });
});
