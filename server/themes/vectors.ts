/** Sparse vectors: feature ids in ascending order and their weights, of unit length. */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Inverse document frequency, smoothed so a feature in every text still counts a little. */
export const idf = (documents: number, frequency: number) => Math.log((documents + 1) / (frequency + 1)) + 1;

/** TF-IDF with a damped term frequency (a word said three times is not three times the topic), unit length. */
export function tfidf(
  features: Map<string, number>,
  idOf: (feature: string) => number | undefined,
  weightOf: (id: number) => number,
): Vector {
  const entries: [number, number][] = [];
  for (const [feature, count] of features) {
    const id = idOf(feature);
    if (id === undefined) continue;
    entries.push([id, (count >= 1 ? 1 + Math.log(count) : count) * weightOf(id)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return unit(
    Int32Array.from(entries, (entry) => entry[0]),
    Float64Array.from(entries, (entry) => entry[1]),
  );
}

export function unit(ids: Int32Array, weights: Float64Array): Vector {
  let norm = 0;
  for (const weight of weights) norm += weight * weight;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i] /= norm;
  return { ids, weights };
}

export function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return sum;
}

/** The mean direction of some vectors, each counted `weight` times, of unit length. */
export function centre(vectors: Vector[], weight: (index: number) => number = () => 1): Vector {
  const sums = new Map<number, number>();
  vectors.forEach((vector, index) => {
    for (let i = 0; i < vector.ids.length; i++)
      sums.set(vector.ids[i], (sums.get(vector.ids[i]) ?? 0) + vector.weights[i] * weight(index));
  });
  const ids = [...sums.keys()].sort((a, b) => a - b);
  return unit(
    Int32Array.from(ids),
    Float64Array.from(ids, (id) => sums.get(id)!),
  );
}
