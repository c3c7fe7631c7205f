import { convertQwertyToHangul, disassemble } from 'es-hangul';
import type { Locale } from '../locales.ts';
import type { Knowledge } from './knowledge.ts';
import { analyzeKorean, isGrammar, isParticleWord, isVerbLike } from './korean.ts';
import type { Pagefind, PagefindFragment, PagefindResult } from './pagefind-api.ts';
import { segment } from './segment.ts';
import { similarWord } from './similar.ts';
import { isStopword } from './stopwords.ts';
import { escapeHtml, isHangul, isLatin, stripEnglishEnding, words } from './text.ts';
import { loanwordOf } from './loanword.ts';
import { correctTypo, soundAlike, type Vocabulary } from './vocabulary.ts';

export interface SearchHit {
  /** `<locale>/<category-id>/<slug>` */
  id: string;
  url: string;
  title: string;
  category: string;
  /** Page text around the matched words, escaped, with `<mark>` around them. */
  excerpt: string;
}

export interface SearchOutcome {
  query: string;
  hits: SearchHit[];
  /** All pages that answer the query; `hits` holds the first `limit`. */
  total: number;
  /** The query as corrected (typo or keyboard layout), when the correction is what found the results. */
  correctedQuery?: string;
  /** When nothing answers: pages that match part of the query, best first. */
  partial: SearchHit[];
  /** How each word of the query was understood. */
  terms: { typed: string; searched: string[]; via: string }[];
}

export interface SearchOptions {
  limit?: number;
  /** The reader is still typing: the query's last word may be unfinished (`서우` on the way to `서울`). */
  typing?: boolean;
  /** A category title, as pages are filtered by it. */
  category?: string;
}

/** The slice of Pagefind's API the engine uses; tests give it a small index in memory. */
export type SearchIndex = Pick<Pagefind, 'search'>;

/** What one site's search works with: its index, what it knows of its words, and (when needed) its vocabulary. */
export interface SearchContext {
  index: SearchIndex;
  knowledge: Knowledge;
  /** Loaded only when a word is not found as typed: glued words, typos, spacing. */
  vocabulary(): Promise<Vocabulary | undefined>;
  /** Korean typed with the keyboard in English mode is read back as Hangul. */
  locale: Locale;
}

/** How a query word was matched. Weaker ways count for less, in rank and in how much of the query a page answers. */
type Via =
  'exact' | 'stem' | 'synonym' | 'split' | 'keyboard' | 'loanword' | 'clipped' | 'typo' | 'similar' | 'unknown';
const VIA_WEIGHT: Record<Via, number> = {
  exact: 1,
  stem: 1,
  synonym: 0.9,
  split: 0.85,
  keyboard: 0.9,
  loanword: 0.85,
  clipped: 0.8,
  typo: 0.7,
  similar: 0.6,
  unknown: 0,
};

interface Term {
  /** What the reader typed. */
  typed: string;
  /** A verb or adjective: counts half. */
  predicate: boolean;
  /** Looks like one: when the index does not know it, it counts not at all. */
  predicateLike: boolean;
  /** What was searched for it (several with synonyms); empty when nothing in the index matches. */
  searched: string[];
  via: Via;
  /** Page id → Pagefind's score for the best of `searched`. */
  scores: Map<string, number>;
  /** A glued word's first part no page has, before a site word (`가스` of 가스요금): what the question is about. */
  modifier?: boolean;
}

/** A page must answer words carrying more than this share of the query's weight. */
const MIN_COVERAGE = 0.5;
/** Or at least this share, when it outranks every page that answers more. */
const MIN_OUTRANKING_COVERAGE = 0.4;

/**
 * Pagefind ANDs all words and silently drops unknown ones, so natural questions find nothing and out-of-scope
 * ones find unrelated pages. We search word by word instead — each reduced until the index knows it — and rank
 * pages by how much of the query they answer, rare words weighing more (idf), then refine the top by titles.
 */
export async function search(
  context: SearchContext,
  query: string,
  options: SearchOptions = {},
): Promise<SearchOutcome> {
  const last = words(query).at(-1);
  // A finished noun is not the start of a longer syllable (`공고` is not `공공`, `모드` not `모든`); a verb's stem is
  // (`나오` of 나옵니다), and so is the word being typed.
  const open = (word: string) =>
    !isHangul(word) ||
    context.knowledge.isVerbStem(word) ||
    analyzeKorean(word).predicate ||
    (options.typing === true && last !== undefined && last.startsWith(word));
  const limit = options.limit ?? 10;
  // Candidates read beyond what is shown: enough to reorder by titles, few enough to keep the first search small.
  const depth = limit + Math.min(3, Math.ceil(limit / 5));
  const empty: SearchOutcome = { query, hits: [], total: 0, partial: [], terms: [] };
  const typed = (await joinWords(words(query), context)).map(
    (word) => oneSyllableNoun(word, context.knowledge) ?? word,
  );
  // `개만`, `시에서`: a counter or a dependent noun with its particle. A word of the site that only looks so (`회의`,
  // `동의`) is checked against the site's words, which are read for it; a clipping the site's knowledge reads
  // (`장이` for 장기이용) is none either.
  const counted = (word: string) =>
    isParticleWord(word) && !context.knowledge.isNoun(word[0]) && !context.knowledge.knows(word);
  const vocabulary = typed.some(counted) ? await context.vocabulary() : undefined;
  // Other one-syllable Korean words (`지`, `큰`, `옷`) are mostly grammar and match everything: they count only alone.
  const content = typed.filter(
    (word) =>
      !isStopword(word) &&
      !isStopword(analyzeKorean(word).stem) &&
      !(isHangul(word) && word.length === 1 && !context.knowledge.knows(word)) &&
      !(counted(word) && !(vocabulary && isKnownWord(vocabulary, word))) &&
      // `100만원`, `6월에`: an amount or a date says how much or when; the rest of the question says about what.
      !NUMBER_WITH_UNIT.test(word),
  );
  const searched = content.length ? content : typed;
  // A one-word question's best pages are, nearly always, the pages ranked in the end: they are read beside the
  // check of the word, not one download later. Another word may change which pages rank, so then they wait.
  const index = new IndexQueries(context.index, open, searched.length === 1 ? depth : 0, options.category);
  const terms = (await Promise.all(searched.map((word) => resolveWord(word, index, context)))).flat();
  if (!terms.length) return empty;

  const topics = await newTopics(terms, context);
  const { ranked, unread } = await rank(terms, index, depth, topics);
  // A Korean word the site has on one page only (a 호텔 mentioned in passing) marks a question about something the
  // site does not cover, unless a page names some of the question's words in its title or keywords. So does an
  // English word as typed, on one page only, unless that page also has a word of the question through the lexicon:
  // English articles name their subject in other words too often for their titles alone to tell.
  const once = (term: Term) => term.via !== 'unknown' && !term.predicate && term.scores.size <= 1;
  const rare = terms.some((term) => once(term) && isHangul(term.typed));
  const rareEnglish = terms.some((term) => once(term) && term.via === 'exact' && isLatin(term.typed));
  const bySynonym = (page: RankedPage) => terms.some((term) => term.via === 'synonym' && term.scores.has(page.id));
  const inPassing = (page: RankedPage) => page.about === 1 && (rare || (rareEnglish && !bySynonym(page)));
  const covered = ranked.filter((page) => page.coverage > MIN_COVERAGE && !inPassing(page));
  // A question with a verb search understood (`…바꾸고 싶어요`) is about what the site does, even when one of its
  // nouns is a word no page uses: the pages that have two of its words or more answer it. A phrase without one
  // (`X 추천`), or a new compound (`층간소음`), is most often about something the site does not cover.
  const asks =
    terms.some((term) => term.via !== 'unknown' && term.predicate) &&
    !terms.some((term) => term.via === 'unknown' && topics.has(term.typed) && !term.predicateLike);
  // A page that outranks every page covering the question (its title names the question's rarer words) answers it
  // too, though it lacks one of its common words. Only when the question is answered anyway: `none` cannot lose.
  const outranks = (page: RankedPage) =>
    covered.length > 0 && page.score > covered[0].score && page.coverage >= MIN_OUTRANKING_COVERAGE && !inPassing(page);
  const answering = ranked.filter((page) => covered.includes(page) || outranks(page));
  const answers = covered.length || !asks ? answering : ranked.filter((page) => page.matched >= 2).slice(0, 3);
  const hit = (page: RankedPage) => toHit(page.fragment, terms);
  if (!answers.length)
    return {
      ...empty,
      partial: ranked
        .filter((page) => page.coverage > 0)
        .slice(0, 3)
        .map(hit),
      terms: summary(terms),
    };
  const corrected = terms.some((term) => term.via === 'typo' || term.via === 'keyboard')
    ? terms.map((term) => (term.via === 'typo' || term.via === 'keyboard' ? term.searched[0] : term.typed)).join(' ')
    : undefined;
  // Pages past those read are counted as Pagefind matched them: enough to say how many more there are.
  const total = answers.length + unread.filter((page) => page.coverage > MIN_COVERAGE).length;
  return {
    query,
    hits: answers.slice(0, limit).map(hit),
    total,
    correctedQuery: corrected,
    partial: [],
    terms: summary(terms),
  };
}

const summary = (terms: Term[]) => terms.map(({ typed, searched, via }) => ({ typed, searched, via }));

const pageCounts = new WeakMap<SearchIndex, Map<string, Promise<number>>>();

/** Index searches for one query, each word searched once however often it is tried. */
class IndexQueries {
  private readonly cache = new Map<string, Promise<Map<string, number>>>();
  private readonly results = new Map<string, PagefindResult>();
  private readonly fragments = new Map<string, Promise<PagefindFragment>>();
  private readonly pageWords = new Map<string, string[]>();
  private readonly index: SearchIndex;
  private readonly category?: string;
  private readonly open: (word: string) => boolean;
  /** Pages of the first word checked to read at once with its check. */
  private readAhead: number;

  constructor(index: SearchIndex, open: (word: string) => boolean, readAhead: number, category?: string) {
    this.index = index;
    this.open = open;
    this.readAhead = readAhead;
    this.category = category;
  }

  private run(term: string | null) {
    return this.index.search(term, this.category ? { filters: { category: this.category } } : undefined);
  }

  scores(term: string): Promise<Map<string, number>> {
    let found = this.cache.get(term);
    if (!found) {
      found = this.run(term).then(({ results }) => {
        for (const result of results) this.results.set(result.id, result);
        return new Map(results.map((result) => [result.id, result.score]));
      });
      this.cache.set(term, found);
    }
    return found;
  }

  /** Pages the query could reach: the idf of a word is measured against it. */
  pageCount(): Promise<number> {
    const counts = pageCounts.get(this.index) ?? new Map<string, Promise<number>>();
    pageCounts.set(this.index, counts);
    const key = this.category ?? '';
    if (!counts.has(key))
      counts.set(
        key,
        this.run(null).then(({ results }) => Math.max(1, results.length)),
      );
    return counts.get(key)!;
  }

  data(id: string): Promise<PagefindFragment> {
    if (!this.fragments.has(id)) this.fragments.set(id, this.results.get(id)!.data());
    return this.fragments.get(id)!;
  }

  /** A page's words in jamo, read once. */
  async words(id: string): Promise<string[]> {
    let found = this.pageWords.get(id);
    if (!found) {
      found = pageWords(await this.data(id));
      this.pageWords.set(id, found);
    }
    return found;
  }

  /**
   * Pages for a word that is really in the index. Pagefind answers a word it does not have with pages sharing its
   * longest known start (`날씨` → pages with `날짜`), so the best few pages are read to see the word is there.
   */
  async known(word: string): Promise<Map<string, number>> {
    const scores = await this.scores(word);
    const best = [...scores].sort((a, b) => b[1] - a[1]);
    for (const [id] of best.slice(0, this.readAhead)) this.data(id).catch(() => undefined);
    this.readAhead = 0;
    // One after the other: each page read is a download, and the best page usually settles it.
    for (const [id] of best.slice(0, 2)) if (this.onPage(await this.words(id), word)) return scores;
    return new Map();
  }

  /** Some word of a page starts with `word`, as Pagefind matches; a finished word only at a syllable's end. */
  onPage(pageWordList: string[], word: string): boolean {
    const prefix = comparable(word);
    const open = this.open(word);
    return pageWordList.some(
      (candidate) => candidate.startsWith(prefix) && (open || endsSyllable(candidate, prefix.length)),
    );
  }
}

/**
 * Puts back together what the reader spaced apart: a phrase the lexicon knows as one (`카카오 페이`, `안 돼요`), a
 * lone syllable that makes a site word with its neighbour (`재 발급`, `이 체`), and a syllable the space took from
 * the word before (`배송 지변경`).
 */
async function joinWords(spaced: string[], context: SearchContext): Promise<string[]> {
  const lone = spaced.some((word) => isHangul(word) && word.length === 1 && !isStopword(word));
  const long = spaced.slice(1).some((word) => isHangul(word) && word.length >= 3);
  const vocabulary = lone || long ? await context.vocabulary() : undefined;
  const pages = (word: string) => vocabulary?.words[analyzeKorean(word).stem] ?? 0;
  const siteWord = (word: string) => pages(word) > 0;
  const unknown = (word: string) =>
    vocabulary !== undefined && !isKnownWord(vocabulary, word) && !isKnownWord(vocabulary, analyzeKorean(word).stem);
  // A space one syllable off (`배송 지변경` for 배송지 변경): the syllable goes back to the word it belongs to.
  const typed = [...spaced];
  for (let i = 0; i + 1 < typed.length; i++) {
    const [word, next] = [typed[i], typed[i + 1]];
    const respaced = isHangul(word) && isHangul(next) && next.length >= 3 && unknown(next);
    if (respaced && siteWord(word + next[0]) && pages(next.slice(1)) >= 2)
      [typed[i], typed[i + 1]] = [word + next[0], next.slice(1)];
  }
  const joined: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    const [word, next] = [typed[i], typed[i + 1]];
    const single = (part: string) => isHangul(part) && part.length === 1;
    // A phrase whose last noun has its particle (`몇 시에`, `몇 시까지` of 몇 시): the particle goes, as from one word.
    const bare = next !== undefined && isParticleWord(next) ? next[0] : undefined;
    if (bare !== undefined && !context.knowledge.isPhrase(word, next) && context.knowledge.isPhrase(word, bare)) {
      joined.push(word + bare);
      i++;
      continue;
    }
    if (
      next !== undefined &&
      (context.knowledge.isPhrase(word, next) || ((single(word) || single(next)) && siteWord(word + next)))
    ) {
      joined.push(word + next);
      i++;
    } else joined.push(word);
  }
  return joined;
}

const NUMBER_WITH_UNIT = /^\d+[\uAC00-\uD7A3]*$/;

/**
 * The words of a question that no page has and that are compounds of their own (`층간소음`, `화상회의`), not a known
 * word with a syllable and particles on it (`비행기가`, `비행기값이`) nor a verb's form (`알아보기만`).
 */
async function newTopics(terms: Term[], context: SearchContext): Promise<Set<string>> {
  const long = terms.filter(
    (term) =>
      term.via === 'unknown' &&
      isHangul(term.typed) &&
      term.typed.length >= 4 &&
      analyzeKorean(term.typed).stem.length >= 3,
  );
  const modifiers = terms.filter((term) => term.modifier).map((term) => term.typed);
  const vocabulary = long.length ? await context.vocabulary() : undefined;
  if (!vocabulary) return new Set(modifiers);
  // Syllables of `rest` that are not particles. The stemmer keeps two syllables, so a one-syllable noun is given a
  // stand-in syllable in front to lose its particle (`값이` → 가값 → 값).
  const own = (rest: string) => (isGrammar(rest) ? 0 : analyzeKorean(`가${rest}`).stem.length - 1);
  const explained = (word: string) => {
    for (let end = 2; end < word.length; end++) {
      const head = word.slice(0, end);
      if (context.knowledge.isVerbStem(head) || (isKnownWord(vocabulary, head) && own(word.slice(end)) < 2))
        return true;
    }
    return false;
  };
  return new Set([...long.map((term) => term.typed).filter((word) => !explained(word)), ...modifiers]);
}

/**
 * `돈이`, `폰으로`: a one-syllable noun the lexicon knows, with its particle. The stemmer keeps two syllables at
 * least, so without this the word would be searched with its particle and found nowhere.
 */
function oneSyllableNoun(word: string, knowledge: Knowledge): string | undefined {
  // `넣는` is 넣다, not a noun 넣 with a particle.
  return isParticleWord(word) && knowledge.isNoun(word[0]) ? word[0] : undefined;
}

/** The vocabulary's other real words as a set, made once: splitting a glued word asks about every substring. */
const knownSets = new WeakMap<Vocabulary, Set<string>>();
function knownWords(vocabulary: Vocabulary): Set<string> {
  let known = knownSets.get(vocabulary);
  if (!known) knownSets.set(vocabulary, (known = new Set(vocabulary.known)));
  return known;
}

/** A word of the site, or another real word the vocabulary lists. */
const isKnownWord = (vocabulary: Vocabulary, word: string) =>
  vocabulary.words[word] !== undefined || knownWords(vocabulary).has(word);

/** Last syllables that make a noun the cost of a thing: 비 (費), 료 (料), 값. A closed list: most endings are words. */
const COST_ENDINGS = new Set(['비', '료', '값']);

/** Finds what the index knows of one typed word; a glued compound may come back as several terms. */
async function resolveWord(typed: string, index: IndexQueries, context: SearchContext): Promise<Term[]> {
  const analyzed = analyzeKorean(typed);
  const { stem } = analyzed;
  // A one-syllable word is the start of too many others (`차` of 차단, 차감): the lexicon's words for it count instead.
  const own =
    isHangul(stem) && stem.length === 1 && context.knowledge.knows(stem)
      ? new Map<string, number>()
      : await index.known(stem);
  /** The word with the words articles use for it (`바꾸고` → `변경`, `비번` → `비밀번호`), if the index has any. */
  const expand = async (knowledge: Knowledge): Promise<Term[] | undefined> => {
    const alternatives = knowledge.alternatives(typed, stem, own.size > 0);
    if (!alternatives.words.length) return undefined;
    const found = await Promise.all(alternatives.words.map((word) => index.known(word)));
    const merged = mergeScores([own, ...found]);
    if (!merged.size) return undefined;
    // A verb the lexicon knows (`바꿨는데` → 변경) says what is to be done: it counts, at half the weight of a noun.
    const predicate = analyzed.predicate || alternatives.verb;
    const searched = [stem, ...alternatives.words.filter((_, i) => found[i].size)];
    const via: Via = own.size ? (stem === typed ? 'exact' : 'stem') : 'synonym';
    return [
      { typed, predicate, predicateLike: analyzed.predicateLike || alternatives.verb, searched, via, scores: merged },
    ];
  };
  const { predicate, predicateLike } = analyzed;
  const term = (via: Via, searched: string[], scores: Map<string, number>): Term[] => [
    { typed, predicate, predicateLike, searched, via, scores },
  ];
  const expanded = await expand(context.knowledge);
  if (expanded) return expanded;
  if (own.size) return term(stem === typed ? 'exact' : 'stem', [stem], own);

  const vocabulary = await context.vocabulary();
  const knownWord = (word: string) => vocabulary !== undefined && isKnownWord(vocabulary, word);
  if (isHangul(stem) && vocabulary) {
    // Glued words (`자동이체해지`): split at the boundaries the site's words allow. As typed first: the stemmer
    // takes the end of a compound for an ending (`입금기한` is not `입금기` + 하다).
    // A piece may be a verb's form the lexicon knows (`끄기` of 알림끄기), read below as that verb.
    // A loanword the site spells in Latin letters is a piece too (`스위프트코드`: SWIFT + 코드).
    const isPiece = (word: string) =>
      knownWord(word) ||
      context.knowledge.knows(word) ||
      (word.length >= 3 && loanwordOf(word, vocabulary) !== undefined);
    const split = (isHangul(typed) ? segment(typed, isPiece) : undefined) ?? segment(stem, isPiece);
    // A piece the site glues once but spaces elsewhere (`방해금지` beside many `방해 금지`) is read as the site's
    // usual words: each is on more pages than the glued form.
    const frequency = (word: string) => vocabulary.words[word] ?? 0;
    const parts = split?.flatMap((part) => {
      if (part.length < 4 || frequency(part) > 1) return [part];
      const halves = segment(part, (half) => half !== part && half.length >= 2 && frequency(half) > frequency(part));
      return halves && halves.join('') === part && halves.length === 2 ? halves : [part];
    });
    if (parts) {
      const resolved = await Promise.all(
        parts.filter((part) => !isStopword(part)).map(async (part) => ({ part, scores: await index.known(part) })),
      );
      // One word before the way a question ends (`…안됨`) says what is to be done, as a verb would.
      const [lone] = resolved;
      if (parts.length === 1 && lone?.scores.size)
        return [{ typed, predicate: true, predicateLike, searched: [lone.part], via: 'split', scores: lone.scores }];
      // A piece the index lacks, or a verb's form (`알림끄기` → 끄기), is read as a typed word is: its stem, the
      // verb, the words articles use for it. Not when a piece is one syllable: `반려견` is one word, not 반려 + 견.
      const asTyped = (part: string, scores: Map<string, number>) =>
        parts.every((word) => word.length >= 2) &&
        (!scores.size || analyzeKorean(part).predicate || context.knowledge.alternatives(part, part).verb);
      const terms = (
        await Promise.all(
          resolved.map(async ({ part, scores }): Promise<Term[]> =>
            asTyped(part, scores)
              ? resolveWord(part, index, context)
              : [scores.size ? piece(part, 'split', part, scores) : piece(part, 'unknown', undefined, scores)],
          ),
        )
      ).flat();
      // A part no page has before a site word (`가스` + 요금) says which of the site's things is meant: one the site
      // does not cover, as a compound no page has would (newTopics).
      if (terms.length === 2) {
        const [head, tail] = terms as [Term, Term];
        if (head.via === 'unknown' && !head.predicateLike && head.typed.length >= 2 && tail.scores.size)
          head.modifier = true;
      }
      if (terms.some((found) => found.scores.size)) return terms;
    }
    // A known word with an ending glued on that the stemmer did not know (`풀려` + `면`): the word, as a verb.
    for (let end = stem.length - 1; end >= 2; end--) {
      const rest = stem.slice(end);
      if (!isGrammar(rest) || rest.length < 2) continue;
      const head = await index.known(stem.slice(0, end));
      if (head.size)
        return [{ typed, predicate: true, predicateLike, searched: [stem.slice(0, end)], via: 'split', scores: head }];
    }
  }

  if (context.locale === 'ko' && isLatin(typed) && typed.length >= 2) {
    // Korean typed with the keyboard in English mode: `qothd` → `배송`.
    const hangul = convertQwertyToHangul(typed);
    if (isHangul(hangul)) {
      const [found] = await resolveWord(hangul, index, context);
      if (found && found.via !== 'unknown') return [{ ...found, typed, via: 'keyboard' }];
    }
  }

  // A loanword the site spells in the other script (`슬랙` for Slack, `notebook` for 노트북).
  const loanword = vocabulary && !predicateLike ? loanwordOf(stem, vocabulary) : undefined;
  const spelled = loanword ? await index.known(loanword) : new Map<string, number>();
  if (loanword && spelled.size) return term('loanword', [loanword], spelled);
  // A word misspelled only in a vowel that sounds alike, even one that ends like a verb (`초데` is 초대, not 초 + -데).
  if (vocabulary && predicateLike && isHangul(typed) && !knownWord(typed)) {
    const sounded = soundAlike(typed, vocabulary);
    const found = sounded ? await index.known(sounded) : new Map<string, number>();
    if (sounded && found.size) return term('typo', [sounded], found);
  }
  // A cost named by its thing (`주차비` on a site that has 주차 but never 주차비): the thing, not a typo of a word.
  if (vocabulary && isHangul(stem) && stem.length >= 3 && !knownWord(stem) && COST_ENDINGS.has(stem.at(-1)!)) {
    const head = stem.slice(0, -1);
    const scores = (vocabulary.words[head] ?? 0) >= 2 ? await index.known(head) : new Map<string, number>();
    if (scores.size) return term('split', [head], scores);
  }
  // Verbs are too varied in form to guess at, and a real word is no one's typo: `선물` must not become `선불`.
  if (vocabulary && !predicateLike && !knownWord(stem)) {
    // A site word glued to a misspelled one (`배속재셍`): the misspelled one is corrected, not the site word.
    for (let end = stem.length - 2; end >= 2 && isHangul(stem); end--) {
      const head = stem.slice(0, end);
      const correction = vocabulary.words[head] === undefined ? undefined : correctTypo(stem.slice(end), vocabulary);
      if (!correction) continue;
      const [headScores, tailScores] = await Promise.all([index.known(head), index.known(correction)]);
      if (headScores.size && tailScores.size)
        return [piece(head, 'split', head, headScores), piece(stem.slice(end), 'typo', correction, tailScores)];
    }
    // A typo inside a compound (`블량품`) is corrected on the part the index knows.
    for (let end = stem.length; end >= 2 && (end === stem.length || isHangul(stem)); end--) {
      // Only a syllable or grammar may be left off (`블량품` → 불량): `계절할인` is not a misspelled `계정`.
      if (end < stem.length - 1 && !isGrammar(stem.slice(end))) continue;
      const correction = correctTypo(stem.slice(0, end), vocabulary);
      const corrected = correction ? await index.known(correction) : new Map<string, number>();
      if (correction && corrected.size) return term('typo', [correction], corrected);
    }
    // Last resort: the site word sharing most of its syllable pairs (`재발행신청` ~ `재발급신청`).
    const similar = isHangul(stem) ? similarWord(stem, vocabulary) : undefined;
    const found = similar ? await index.known(similar) : new Map<string, number>();
    if (similar && found.size) return term('similar', [similar], found);
  }
  // A Hangul `-ing` word for a meaning the lexicon knows in English (`쉐어링` for share): its words on the site.
  const english = isHangul(stem) ? context.knowledge.spelledEnglish(stem) : [];
  const spelledScores = mergeScores(await Promise.all(english.map((word) => index.known(word))));
  if (spelledScores.size) return term('loanword', english, spelledScores);
  // A verb's form no list knows (`열자마자`) is unknown as a verb is: it weighs nothing and names no topic.
  if (isHangul(typed) && (isVerbLike(typed) || isVerbLike(stem)))
    return [{ typed, predicate, predicateLike: true, searched: [], via: 'unknown', scores: new Map() }];
  return term('unknown', [], new Map());
}

/** A piece of a glued word, searched as `searched` (nothing when no page has it): a noun, whatever its form. */
const piece = (typed: string, via: Via, searched: string | undefined, scores: Map<string, number>): Term => ({
  typed,
  predicate: false,
  predicateLike: false,
  searched: searched === undefined ? [] : [searched],
  via,
  scores,
});

function mergeScores(maps: Map<string, number>[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const map of maps) for (const [id, score] of map) merged.set(id, Math.max(score, merged.get(id) ?? 0));
  return merged;
}

interface RankedPage {
  id: string;
  score: number;
  /** Share of the query's weight this page answers. */
  coverage: number;
  /** Words of the query the page has. */
  matched: number;
  /** Above 1 when the page names words of the query in its title or keywords. */
  about: number;
  fragment: PagefindFragment;
}

/**
 * A word's weight is its idf; a page's score adds, for each word it really contains, that weight times how well it
 * matches there, and its coverage is the share of the query's weight it answers. A word the index does not know
 * weighs a little more than the rarest word, so a query mostly about something else (`서울 날씨`) is not answered
 * by the one page that mentions 서울. Only the best `depth` pages are read to check that their text has the words:
 * Pagefind answers an unknown word with pages that share its first letters, which must not count.
 */
async function rank(
  terms: Term[],
  index: IndexQueries,
  depth: number,
  topics: Set<string>,
): Promise<{ ranked: RankedPage[]; unread: { coverage: number }[] }> {
  const pageCount = await index.pageCount();
  const first = scorePages(terms, idfWeights(terms, pageCount, topics), (term, id) => term.scores.has(id));
  const candidates = await Promise.all(
    first.slice(0, depth).map(async ({ id }) => ({ id, fragment: await index.data(id) })),
  );
  const texts = new Map(await Promise.all(candidates.map(async ({ id }) => [id, await index.words(id)] as const)));
  const contains = (term: Term, id: string) =>
    term.scores.has(id) && texts.has(id) && term.searched.some((word) => index.onPage(texts.get(id)!, word));

  const named = candidates.map(({ id, fragment }) => ({ id, clippings: namedClippings(fragment) }));
  const checked = terms
    .map(unclip)
    .map((term): Term =>
      candidates.some(({ id }) => contains(term, id)) ? term : { ...term, via: 'unknown', scores: new Map() },
    );
  const weights = idfWeights(checked, pageCount, topics);
  const scored = scorePages(checked, weights, contains);
  const fragments = new Map(candidates.map(({ id, fragment }) => [id, fragment]));
  const ranked = scored
    .filter(({ id }) => fragments.has(id))
    .map((page) => {
      const fragment = fragments.get(page.id)!;
      const about = aboutBonus(fragment, checked, weights, index);
      return { ...page, fragment, about, score: page.score * about };
    })
    .sort((a, b) => b.score - a.score);
  return { ranked, unread: scorePages(checked, weights, (term, id) => term.scores.has(id) && !fragments.has(id)) };

  /**
   * A word no page has, of two or three syllables, may be the reader's clipping of a name a page gives its subject
   * in words apart (`선약` for `선택 약정`): it is found on the pages that name it so in their title or keywords.
   */
  function unclip(term: Term): Term {
    if (term.via !== 'unknown' || term.predicateLike || !isHangul(term.typed)) return term;
    const { stem } = analyzeKorean(term.typed);
    const pages = named.filter(({ clippings }) => clippings.has(stem));
    if (!pages.length) return term;
    const searched = [...new Set(pages.flatMap(({ clippings }) => clippings.get(stem)!))];
    return { ...term, via: 'clipped', searched, scores: new Map(pages.map(({ id }) => [id, 1])) };
  }
}

/** The first syllables of two or three words in a row of a page's title or keywords, with those words. */
function namedClippings(fragment: PagefindFragment): Map<string, string[]> {
  const clippings = new Map<string, string[]>();
  for (const name of [fragment.meta.title ?? '', ...(fragment.meta.keywords ?? '').split(',')]) {
    const named = words(name).map((word) => analyzeKorean(word).stem);
    for (let i = 0; i + 1 < named.length; i++)
      for (const length of [2, 3]) {
        const run = named.slice(i, i + length);
        if (run.length === length && run.every((word) => isHangul(word) && word.length >= 2))
          clippings.set(run.map((word) => word[0]).join(''), run);
      }
  }
  return clippings;
}

/**
 * A known word weighs its idf (half for a verb or adjective). An unknown noun weighs as much as a typical known
 * noun of the query, so a page must answer more than the unknown part (`서울 날씨` is not about 서울); an unknown
 * verb (`틀렸다고`) says how things went, not what about, and weighs nothing.
 */
function idfWeights(terms: Term[], pageCount: number, topics: Set<string>): number[] {
  const idf = terms.map((term) =>
    term.via === 'unknown' ? 0 : Math.log(1 + pageCount / term.scores.size) * (term.predicate ? 0.5 : 1),
  );
  const known = idf.filter((_, i) => terms[i].via !== 'unknown' && !terms[i].predicate);
  const typical = known.length ? known.reduce((sum, w) => sum + w, 0) / known.length : Math.log(1 + pageCount);
  // A compound no page has (`층간소음`) is what the question is about: it weighs as a word on no page, so the site's
  // common words around it (신청, 설정) cannot answer for it.
  return terms.map((term, i) =>
    term.via !== 'unknown'
      ? idf[i]
      : term.predicateLike
        ? 0
        : topics.has(term.typed) && !term.predicate
          ? Math.max(typical, Math.log(1 + pageCount))
          : typical,
  );
}

function scorePages(terms: Term[], weights: number[], contains: (term: Term, id: string) => boolean) {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const pages = new Map<string, { id: string; score: number; coverage: number; matched: number }>();
  terms.forEach((term, i) => {
    const best = Math.max(...term.scores.values());
    for (const [id, score] of term.scores) {
      if (!contains(term, id)) continue;
      const page = pages.get(id) ?? { id, score: 0, coverage: 0, matched: 0 };
      page.score += weights[i] * VIA_WEIGHT[term.via] * (0.5 + (0.5 * score) / best);
      page.coverage += (weights[i] * VIA_WEIGHT[term.via]) / total;
      page.matched++;
      pages.set(id, page);
    }
  });
  return [...pages.values()].sort((a, b) => b.score - a.score);
}

/**
 * Words in a page's title or its editors' keywords say what the page is about, more than a mention in its body:
 * the page gains in proportion to the weight of the query it names there.
 */
function aboutBonus(fragment: PagefindFragment, terms: Term[], weights: number[], index: IndexQueries): number {
  const title = [...new Set(words(fragment.meta.title ?? '').map(comparable))];
  const keywords = new Set(words(fragment.meta.keywords ?? ''));
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const share = (inside: (word: string) => boolean) =>
    terms.reduce((sum, term, i) => sum + (term.searched.some(inside) ? weights[i] : 0), 0) / total;
  return 1 + 0.8 * share((word) => index.onPage(title, word)) + 0.2 * share((word) => keywords.has(word));
}

/** Every word of a page (text, title, keywords) as Pagefind compares them: Korean in jamo, English stemmed. */
function pageWords(fragment: PagefindFragment): string[] {
  const text = `${fragment.meta.title ?? ''} ${fragment.meta.keywords ?? ''} ${fragment.content}`;
  return [...new Set(words(text))].map(comparable);
}

const CONSONANT = /^[ㄱ-ㅎ]$/;

/**
 * In jamo, `candidate` goes on from `length` with a new syllable, or not at all: the jamo after a finished word must
 * be a consonant that starts a syllable (followed by a vowel), not one that closes the word's last syllable.
 */
function endsSyllable(candidate: string, length: number): boolean {
  const [next, after] = [candidate[length], candidate[length + 1]];
  return next === undefined || (CONSONANT.test(next) && after !== undefined && !CONSONANT.test(after));
}

/** A rough English stem, enough to agree with Pagefind's stemmer on plurals and common endings. */
const comparable = (word: string) =>
  isLatin(word) ? stripEnglishEnding(word).slice(0, Math.max(3, word.length - 3)) || word : disassemble(word);

function toHit(fragment: PagefindFragment, terms: Term[]): SearchHit {
  const url = fragment.url;
  return {
    id: url.replace(/^\/|\/$/g, ''),
    url,
    title: fragment.meta.title ?? url,
    category: fragment.filters.category?.[0] ?? '',
    excerpt: excerpt(
      fragment.content,
      terms.flatMap((term) => term.searched),
    ),
  };
}

const EXCERPT_WORDS = 24;

/** The stretch of page text with the most distinct matched words, matched words marked. */
export function excerpt(content: string, stems: string[]): string {
  const tokens = content.split(/\s+/).filter(Boolean);
  const hits = tokens.map((token) => {
    const word = words(token)[0] ?? '';
    return stems.find((stem) => word.startsWith(stem));
  });
  let bestStart = 0;
  let bestCount = -1;
  for (let start = 0; start < Math.max(1, tokens.length - EXCERPT_WORDS + 1); start++) {
    const count = new Set(hits.slice(start, start + EXCERPT_WORDS).filter(Boolean)).size;
    if (count > bestCount) [bestStart, bestCount] = [start, count];
  }
  const shown = tokens.slice(bestStart, bestStart + EXCERPT_WORDS);
  const text = shown
    .map((token, i) => (hits[bestStart + i] ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token)))
    .join(' ');
  return `${bestStart > 0 ? '… ' : ''}${text}${bestStart + EXCERPT_WORDS < tokens.length ? ' …' : ''}`;
}
