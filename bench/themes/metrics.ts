/**
 * How close a grouping is to labels: Adjusted Rand Index, normalized mutual information (arithmetic mean, as
 * scikit-learn computes it), coverage, and per-label F1. An unlabelled item (noise) and an unassigned one each count
 * as a group of its own, so lumping noise into a theme costs as much as splitting a theme.
 */
export interface Agreement {
  ari: number;
  nmi: number;
  /** Labelled items the grouping put in some group. */
  coverage: number;
  /** Noise items the grouping left out of every group. */
  noiseLeftOut: number;
  /** Per label: the best F1 any one group reaches. */
  f1: Map<string, number>;
}

export function agreement(truth: (string | null)[], predicted: (string | null)[]): Agreement {
  const label = (values: (string | null)[]) => values.map((value, i) => value ?? `\u0000${i}`);
  const t = label(truth);
  const p = label(predicted);
  const n = t.length;
  const joint = new Map<string, number>();
  const tCounts = new Map<string, number>();
  const pCounts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    joint.set(`${t[i]}\u0001${p[i]}`, (joint.get(`${t[i]}\u0001${p[i]}`) ?? 0) + 1);
    tCounts.set(t[i], (tCounts.get(t[i]) ?? 0) + 1);
    pCounts.set(p[i], (pCounts.get(p[i]) ?? 0) + 1);
  }
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const sum = (values: Iterable<number>, f: (v: number) => number) => [...values].reduce((s, v) => s + f(v), 0);
  const index = sum(joint.values(), pairs);
  const tPairs = sum(tCounts.values(), pairs);
  const pPairs = sum(pCounts.values(), pairs);
  const expected = (tPairs * pPairs) / pairs(n);
  const ari = (index - expected) / ((tPairs + pPairs) / 2 - expected);

  const entropy = (counts: Map<string, number>) => -sum(counts.values(), (c) => (c / n) * Math.log(c / n));
  let mutual = 0;
  for (const [key, c] of joint) {
    const [a, b] = key.split('\u0001');
    mutual += (c / n) * Math.log((n * c) / (tCounts.get(a)! * pCounts.get(b)!));
  }
  const nmi = mutual / ((entropy(tCounts) + entropy(pCounts)) / 2);

  const labelled = truth.flatMap((value, i) => (value === null ? [] : [i]));
  const noise = truth.flatMap((value, i) => (value === null ? [i] : []));
  const f1 = new Map<string, number>();
  for (const theme of new Set(truth.filter((value): value is string => value !== null))) {
    const size = tCounts.get(theme)!;
    let best = 0;
    for (const [key, c] of joint) {
      const [a, b] = key.split('\u0001');
      if (a === theme && !b.startsWith('\u0000')) best = Math.max(best, (2 * c) / (size + pCounts.get(b)!));
    }
    f1.set(theme, best);
  }
  return {
    ari,
    nmi,
    coverage: labelled.filter((i) => predicted[i] !== null).length / labelled.length,
    noiseLeftOut: noise.length ? noise.filter((i) => predicted[i] === null).length / noise.length : 1,
    f1,
  };
}
