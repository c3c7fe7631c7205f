import { createHash } from 'node:crypto';
import { averageLinkage } from './cluster.ts';
import { themeTerms } from './label.ts';
import type { ThemeLexicon } from './lexicon.ts';
import { termsOf, type Terms } from './terms.ts';
import type { Theme, ThemeDraft, ThemeItem, ThemeModel } from './theme.ts';
import { centre, dot, idf, tfidf, type Vector } from './vectors.ts';

/** Texts clustered exactly at once: n²/2 distances, 32 MB at 4,000. The rest join the nearest theme found. */
const SAMPLE = 4_000;
/** Texts join while their mean cosine distance stays below this: tight groups, each one way of saying a thing. */
const MAX_DISTANCE = 0.8;
/** Fewer members than this is a remark, not a theme: its items stay unassigned. */
const MIN_MEMBERS = 3;
/** A text joins a theme found without it when at least this close to the theme's centre. */
const MIN_SIMILARITY = 0.2;
/** Features kept per theme centre in the stored model: enough to place a new text, small enough to store. */
const CENTRE_FEATURES = 200;
/** Tight groups join while their centres' mean distance stays below this: the ways of saying one thing. */
const MAX_GROUP_DISTANCE = 0.93;

/** Items, their terms and vectors in one feature space. */
interface Space {
  items: ThemeItem[];
  /** Each item's words as a person reads them, for labels. */
  words: string[][];
  vectors: Vector[];
  idf: Map<string, number>;
}

/**
 * Groups what readers said into themes: the same input (in any order) gives the same themes. Up to SAMPLE texts are
 * clustered exactly; past that a sample is, chosen by a hash of the keys, the rest join the nearest theme, and what
 * joins none is clustered in turn. `decide` applies staff decisions to the groups before they are described.
 */
export function groupThemes(
  items: ThemeItem[],
  lexicon: ThemeLexicon,
  decide: (drafts: ThemeDraft[]) => ThemeDraft[] = (drafts) => drafts,
): { themes: Theme[]; model: ThemeModel } {
  const space = spaceOf(items, lexicon);
  const { vectors } = space;
  const groups: number[][] = [];
  let pool = vectors.map((_, i) => i).filter((i) => vectors[i].ids.length > 0);
  const order = new Map(pool.map((i) => [i, sampleOrder(space.items[i].key)]));
  for (let pass = 0; pass < 3 && pool.length; pass++) {
    const sample = [...pool].sort((a, b) => (order.get(a)! < order.get(b)! ? -1 : 1)).slice(0, SAMPLE);
    const found = clusterExactly(sample, vectors);
    const grouped = new Set(found.flat());
    const centres = found.map((members) => centre(members.map((i) => vectors[i])));
    const rest: number[] = [];
    for (const i of pool) {
      if (grouped.has(i)) continue;
      const nearest = nearestCentre(vectors[i], centres);
      if (nearest) found[nearest.index].push(i);
      else rest.push(i);
    }
    groups.push(...found);
    pool = rest;
  }
  const drafts = decide(groups.map((members) => ({ members: members.map((i) => space.items[i].key) })));
  return describe(space, drafts);
}

/** Ids, terms and centres for given drafts, without clustering: after a staff decision between reclusters. */
export function describeThemes(
  items: ThemeItem[],
  drafts: ThemeDraft[],
  lexicon: ThemeLexicon,
): { themes: Theme[]; model: ThemeModel } {
  return describe(spaceOf(items, lexicon), drafts);
}

/** The theme a new text belongs to, or undefined: too far from every theme (noise, or a theme not seen yet). */
export function assignTheme(model: ThemeModel, text: string, lexicon: ThemeLexicon): string | undefined {
  const { features } = termsOf(text, lexicon);
  // The text's features the model knows, numbered in their order here; the others have no weight in it.
  const known = [...features.keys()].filter((feature) => feature in model.idf);
  const idOf = new Map(known.map((feature, id) => [feature, id]));
  const vector = tfidf(
    features,
    (feature) => idOf.get(feature),
    (id) => model.idf[known[id]],
  );
  let best: { id: string; similarity: number } | undefined;
  for (const theme of model.themes) {
    let similarity = 0;
    for (let i = 0; i < vector.ids.length; i++)
      similarity += vector.weights[i] * (theme.centre[known[vector.ids[i]]] ?? 0);
    if (similarity >= model.minSimilarity && (!best || similarity > best.similarity))
      best = { id: theme.id, similarity };
  }
  return best?.id;
}

function spaceOf(unordered: ThemeItem[], lexicon: ThemeLexicon): Space {
  // Keys order everything, so ids of features and ties between equal distances do not depend on input order.
  const items = [...unordered].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const terms = items.map((item) => termsOf(item.text, lexicon));
  addRelatedWords(terms);
  const frequency = new Map<string, number>();
  for (const { features } of terms)
    for (const feature of features.keys()) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  const featureIds = new Map([...frequency.keys()].sort().map((feature, id) => [feature, id]));
  const weights = [...featureIds.keys()].map((feature) => idf(items.length, frequency.get(feature)!));
  const vectors = terms.map(({ features }) =>
    tfidf(
      features,
      (feature) => featureIds.get(feature),
      (id) => weights[id],
    ),
  );
  // Only the words stay: the features' maps, the largest part of the memory, go once the vectors hold them.
  return {
    items,
    words: terms.map(({ words }) => words),
    vectors,
    idf: new Map([...featureIds.keys()].map((feature, id) => [feature, weights[id]])),
  };
}

/** Clusters the given points; identical vectors are clustered once, counted as often as they occur. */
function clusterExactly(points: number[], vectors: Vector[]): number[][] {
  const unique = new Map<string, number[]>();
  for (const i of points) {
    const { ids, weights } = vectors[i];
    const signature = `${ids.join(',')}|${Array.from(weights, (w) => w.toFixed(6)).join(',')}`;
    const same = unique.get(signature);
    if (same) same.push(i);
    else unique.set(signature, [i]);
  }
  const representatives = [...unique.values()];
  const groupOf = averageLinkage(
    representatives.map((same) => vectors[same[0]]),
    representatives.map((same) => same.length),
    MAX_DISTANCE,
  );
  const tight = joinLists(representatives, groupOf);
  // Short texts that say one thing in different words share few terms: the tight groups join by their centres,
  // which gather every word their members used.
  const joined = averageLinkage(
    tight.map((members) => centre(members.map((i) => vectors[i]))),
    tight.map((members) => members.length),
    MAX_GROUP_DISTANCE,
  );
  return joinLists(tight, joined).filter((members) => members.length >= MIN_MEMBERS);
}

/** Lists that clustering put in one group, joined: `groupOf[i]` names list i's group. */
const joinLists = (lists: number[][], groupOf: Int32Array) =>
  [...Map.groupBy(lists.keys(), (i) => groupOf[i]).values()].map((indexes) => indexes.flatMap((i) => lists[i]));

function nearestCentre(vector: Vector, centres: Vector[]): { index: number; similarity: number } | undefined {
  let best: { index: number; similarity: number } | undefined;
  centres.forEach((centreVector, index) => {
    const similarity = dot(vector, centreVector);
    if (similarity >= MIN_SIMILARITY && (!best || similarity > best.similarity)) best = { index, similarity };
  });
  return best;
}

/** A stable pseudo-random order: a sample is the same set of texts whatever order they came in. */
const sampleOrder = (key: string) => createHash('sha256').update(key).digest('hex');

function describe(space: Space, drafts: ThemeDraft[]): { themes: Theme[]; model: ThemeModel } {
  const index = new Map(space.items.map((item, i) => [item.key, i]));
  const textsSaying = new Map<string, number>();
  for (const words of space.words)
    for (const word of new Set(words)) textsSaying.set(word, (textsSaying.get(word) ?? 0) + 1);
  const kept = drafts
    .map((draft) => ({ ...draft, points: draft.members.flatMap((key) => index.get(key) ?? []) }))
    .filter((draft) => draft.points.length > 0);
  const averageWords =
    kept.reduce((sum, draft) => sum + draft.points.reduce((n, i) => n + space.words[i].length, 0), 0) /
    Math.max(1, kept.length);
  const features = [...space.idf.keys()];
  const described = kept.map((draft) => {
    const centreVector = centre(draft.points.map((i) => space.vectors[i]));
    const closeness = new Map(draft.points.map((i) => [i, dot(space.vectors[i], centreVector)]));
    const points = [...draft.points].sort(
      (a, b) => closeness.get(b)! - closeness.get(a)! || (space.items[a].key < space.items[b].key ? -1 : 1),
    );
    const saying = new Map<string, number>();
    for (const i of points) for (const word of new Set(space.words[i])) saying.set(word, (saying.get(word) ?? 0) + 1);
    const members = points.map((i) => space.items[i].key);
    const theme: Theme = {
      id: `t${createHash('sha256').update(members[0]).digest('hex').slice(0, 12)}`,
      terms: themeTerms(saying, points.length, textsSaying, averageWords),
      members,
      ...(draft.label !== undefined && { label: draft.label }),
      ...(draft.ignored && { ignored: true }),
    };
    const strongest = [...centreVector.ids.keys()]
      .sort((a, b) => centreVector.weights[b] - centreVector.weights[a])
      .slice(0, CENTRE_FEATURES);
    return {
      theme,
      centre: Object.fromEntries(strongest.map((i) => [features[centreVector.ids[i]], centreVector.weights[i]])),
    };
  });
  described.sort((a, b) => b.theme.members.length - a.theme.members.length || (a.theme.id < b.theme.id ? -1 : 1));
  const used = new Set(described.flatMap(({ centre }) => Object.keys(centre)));
  return {
    themes: described.map(({ theme }) => theme),
    model: {
      idf: Object.fromEntries([...space.idf].filter(([feature]) => used.has(feature))),
      themes: described.map(({ theme, centre }) => ({ id: theme.id, centre })),
      minSimilarity: MIN_SIMILARITY,
    },
  };
}

/** Words related to another when they appear in the same texts this often (cosine of the texts they appear in). */
const RELATED_AT = 0.35;
/** Related words added per word, and how much each counts against the word itself. */
const RELATED_WORDS = 5;
const RELATED_WEIGHT = 0.3;

/**
 * Adds to each text the words that readers use together with its words, learned from all the texts grouped: `상담원
 * 연결` then overlaps `고객센터 전화` through readers who wrote `고객센터 상담원 연결`. Second-order overlap, as latent
 * semantic analysis finds it, at the cost of counting pairs of words within each text. Syllable pairs stay out:
 * they say how a word is spelled, not what it means.
 */
function addRelatedWords(terms: Terms[]) {
  const wordsOf = terms.map(({ features }) => [...features.keys()].filter((feature) => !feature.startsWith('b:')));
  const texts = new Map<string, number>();
  for (const words of wordsOf) for (const word of words) texts.set(word, (texts.get(word) ?? 0) + 1);
  const together = new Map<string, Map<string, number>>();
  for (const words of wordsOf) {
    const shared = words.filter((word) => texts.get(word)! >= 2);
    for (const a of shared) {
      let counts = together.get(a);
      if (!counts) together.set(a, (counts = new Map()));
      for (const b of shared) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  const related = new Map<string, [string, number][]>();
  for (const [a, counts] of together) {
    const closest = [...counts]
      .filter(([, count]) => count >= 2)
      .map(([b, count]): [string, number] => [b, count / Math.sqrt(texts.get(a)! * texts.get(b)!)])
      .filter(([, cosine]) => cosine >= RELATED_AT)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, RELATED_WORDS);
    related.set(a, closest);
  }
  for (const { features } of terms) {
    const added = new Map<string, number>();
    for (const [feature, weight] of features)
      for (const [word, cosine] of related.get(feature) ?? [])
        added.set(word, (added.get(word) ?? 0) + RELATED_WEIGHT * cosine * weight);
    for (const [word, weight] of added) features.set(word, (features.get(word) ?? 0) + weight);
  }
}
