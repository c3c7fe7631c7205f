import { describe, expect, it } from 'vitest';
import { applyDecisions, type ThemeDecision } from '../../server/themes/decisions.ts';
import type { ThemeDraft } from '../../server/themes/theme.ts';

const decision = (fields: Partial<ThemeDecision> & Pick<ThemeDecision, 'kind' | 'anchor'>): ThemeDecision => ({
  other: [],
  label: null,
  ...fields,
});

/** Decided on this clustering: refunds r1–r4, the menu m1–m3, agents a1–a2. */
const before: ThemeDraft[] = [
  { members: ['r1', 'r2', 'r3', 'r4'] },
  { members: ['m1', 'm2', 'm3'] },
  { members: ['a1', 'a2'] },
];
/** The next recluster: reordered, new items (r5, m4, x1), r4 drifted into the agents' theme, noise gone. */
const after: ThemeDraft[] = [
  { members: ['a1', 'a2', 'r4', 'x1'] },
  { members: ['m4', 'm1', 'm2', 'm3'] },
  { members: ['r5', 'r1', 'r2', 'r3'] },
];

describe('applyDecisions', () => {
  it('renames the theme holding most of the anchor after a recluster reordered the themes and added items', () => {
    const rename = decision({ kind: 'rename', anchor: before[0]!.members, label: 'Refund not received' });
    expect(applyDecisions(after, [rename])).toEqual([
      after[0],
      after[1],
      { ...after[2], label: 'Refund not received' },
    ]);
  });

  it('ignores a theme, and a later restore shows it again', () => {
    const ignore = decision({ kind: 'ignore', anchor: before[1]!.members });
    expect(applyDecisions(after, [ignore])[1]).toEqual({ ...after[1], ignored: true });
    const restore = decision({ kind: 'restore', anchor: ['m1'] });
    expect(applyDecisions(after, [ignore, restore])[1]).toEqual({ ...after[1], ignored: false });
  });

  it('merges the two themes holding the anchor and the other, keeping the anchor’s name', () => {
    const rename = decision({ kind: 'rename', anchor: before[0]!.members, label: 'Refunds' });
    const merge = decision({ kind: 'merge', anchor: before[0]!.members, other: before[2]!.members });
    expect(applyDecisions(after, [rename, merge])).toEqual([
      after[1],
      { members: ['r5', 'r1', 'r2', 'r3', 'a1', 'a2', 'r4', 'x1'], label: 'Refunds' },
    ]);
  });

  it('splits the anchor’s items out of wherever the recluster put them into a theme of their own', () => {
    const split = decision({ kind: 'split', anchor: ['r3', 'r4', 'gone'], label: 'Partial refunds' });
    expect(applyDecisions(after, [split])).toEqual([
      { members: ['a1', 'a2', 'x1'] },
      after[1],
      { members: ['r5', 'r1', 'r2'] },
      { members: ['r4', 'r3'], label: 'Partial refunds' },
    ]);
  });

  it('breaks a tie for the anchor in favour of the earliest theme', () => {
    const rename = decision({ kind: 'rename', anchor: ['a1', 'm1'], label: 'Tied' });
    expect(applyDecisions(after, [rename])[0]).toEqual({ ...after[0], label: 'Tied' });
  });

  it('drops a decision whose items all expired', () => {
    const decisions = ['rename', 'ignore', 'split'].map((kind) =>
      decision({ kind: kind as ThemeDecision['kind'], anchor: ['old1', 'old2'], label: 'Old' }),
    );
    const merge = decision({ kind: 'merge', anchor: ['r1'], other: ['old1'] });
    expect(applyDecisions(after, [...decisions, merge])).toEqual(after);
  });
});
