import type { Vector } from './vectors.ts';

/**
 * Average-linkage agglomerative clustering of unit vectors by cosine distance, cut at `maxDistance`: two groups
 * join while the mean distance between their members stays below it. Each point counts `weights[i]` times (one
 * point stands for identical texts). Exact, in O(n²) time and n²/2 floats of memory, by the nearest-neighbour
 * chain (Murtagh 1983), which visits points in index order, so the same input always gives the same groups.
 * Returns each point's group as the lowest index in it.
 */
export function averageLinkage(vectors: Vector[], weights: number[], maxDistance: number): Int32Array {
  const n = vectors.length;
  const distance = pairwiseDistances(vectors);
  const at = (i: number, j: number) =>
    i < j ? i * n - (i * (i + 1)) / 2 + j - i - 1 : j * n - (j * (j + 1)) / 2 + i - j - 1;
  const size = Float64Array.from(weights);
  const active = new Uint8Array(n).fill(1);
  const merges: [number, number, number][] = [];
  const chain: number[] = [];
  let left = n;
  while (left > 1) {
    if (!chain.length) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1];
    const previous = chain.length > 1 ? chain[chain.length - 2] : -1;
    // The nearest active point; the previous link of the chain wins ties, so the chain always ends.
    let nearest = previous;
    let best = previous >= 0 ? distance[at(a, previous)] : Infinity;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === a) continue;
      const d = distance[at(a, k)];
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    if (nearest !== previous) {
      chain.push(nearest);
      continue;
    }
    chain.length -= 2;
    // The pair are each other's nearest: they merge into the lower index (Lance–Williams for the average).
    const [keep, gone] = a < nearest ? [a, nearest] : [nearest, a];
    merges.push([keep, gone, best]);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === gone) continue;
      distance[at(keep, k)] =
        (size[keep] * distance[at(keep, k)] + size[gone] * distance[at(gone, k)]) / (size[keep] + size[gone]);
    }
    size[keep] += size[gone];
    active[gone] = 0;
    left--;
  }
  // Average linkage never merges lower than its parts, so the merges below the cut are exactly the cut's groups.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const [keep, gone, d] of merges) {
    if (d > maxDistance) continue;
    const [x, y] = [root(keep), root(gone)];
    parent[Math.max(x, y)] = Math.min(x, y);
  }
  return Int32Array.from({ length: n }, (_, i) => root(i));
}

/** Cosine distances of every pair (i < j), row by row, through an inverted index: pairs that share no feature cost nothing. */
function pairwiseDistances(vectors: Vector[]): Float32Array {
  const n = vectors.length;
  const distance = new Float32Array((n * (n - 1)) / 2).fill(1);
  const postings = new Map<number, { points: number[]; weights: number[] }>();
  const similarity = new Float64Array(n);
  // From the last point back: when point i is scored, the postings hold only the points after it.
  for (let i = n - 1; i >= 0; i--) {
    const touched: number[] = [];
    const { ids, weights } = vectors[i];
    for (let f = 0; f < ids.length; f++) {
      const posting = postings.get(ids[f]);
      if (!posting) continue;
      for (let p = 0; p < posting.points.length; p++) {
        const j = posting.points[p];
        if (similarity[j] === 0) touched.push(j);
        similarity[j] += weights[f] * posting.weights[p];
      }
    }
    const row = i * n - (i * (i + 1)) / 2 - i - 1;
    for (const j of touched) {
      // A point is listed again when a feature of weight 0 came first: it is scored once.
      if (similarity[j] === 0) continue;
      distance[row + j] = Math.max(0, 1 - similarity[j]);
      similarity[j] = 0;
    }
    for (let f = 0; f < ids.length; f++) {
      let posting = postings.get(ids[f]);
      if (!posting) postings.set(ids[f], (posting = { points: [], weights: [] }));
      posting.points.push(i);
      posting.weights.push(weights[f]);
    }
  }
  return distance;
}
