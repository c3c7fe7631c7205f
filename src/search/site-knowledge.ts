import { stemForms, verbOf } from './conjugate.ts';
import { articleStems, pageText, type IndexableArticle } from './keywords.ts';
import type { SiteKnowledge } from './knowledge.ts';
import { COMMON_WORDS } from './lexicon/common-words.ts';
import { GENERAL_GROUPS } from './lexicon/general.ts';
import { isVerb, plain } from './lexicon/members.ts';
import { segment } from './segment.ts';
import { isHangul, words } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Builds, from one locale's articles, what search knows besides the index: the lexicon's and the editors' groups
 * that touch the site's words, clipped forms of its compounds, and the vocabulary typo correction and glued-word
 * splitting compare against. Runs at build time; the browser gets the results as JSON, in two files: what every
 * search needs, and the rest, loaded when a word is not in the index.
 */
export function buildSiteKnowledge(articles: IndexableArticle[], editorGroups: readonly (readonly string[])[]): { knowledge: SiteKnowledge; vocabulary: Vocabulary } {
  const frequency = new Map<string, number>();
  const tokens = new Set<string>();
  for (const article of articles) {
    for (const stem of articleStems(article)) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    for (const token of words(pageText(article))) tokens.add(token);
  }
  const prefixes = new Set([...tokens].flatMap((token) => Array.from({ length: Math.min(token.length, 12) }, (_, i) => token.slice(0, i + 1))));
  const lexiconWords = new Set(GENERAL_GROUPS.flat().map(plain));
  const known = new Set([...frequency.keys(), ...lexiconWords, ...COMMON_WORDS]);

  const onSite = (member: string) => {
    const word = plain(member);
    if (!isVerb(member)) return prefixes.has(word);
    const forms = new Map(stemForms(word).map((form) => [form, word]));
    return [...tokens].some((token) => verbOf(token, forms) === word);
  };
  const groups = [...GENERAL_GROUPS, ...editorGroups].flatMap((group) => {
    const found = group.filter(onSite);
    return found.length ? [{ found, other: group.filter((member) => !found.includes(member)) }] : [];
  });

  const full = { groups, abbreviations: abbreviations(frequency, known) };
  return {
    // Loaded with the first search, so kept small: only how the site's own words stand for each other. What only
    // readers type is not in the index, so it is looked up after the index misses, in the vocabulary.
    // Phrases (`kakao pay`) stay whole: their words alone are in the index, so the vocabulary would never be asked.
    knowledge: {
      groups: groups
        .map(({ found, other }) => ({ found, other: other.filter((member) => /\s/.test(member)) }))
        .filter(({ found, other }) => found.length > 1 || other.length > 0),
      abbreviations: {},
    },
    vocabulary: { pages: articles.length, words: Object.fromEntries(frequency), known: [...known].filter((word) => !frequency.has(word) && isHangul(word)), knowledge: full },
  };
}


/**
 * Korean clips a compound to the first syllable of each part (`비밀번호` → `비번`, `카카오뱅크` → `카뱅`). Each of the
 * site's compounds that splits into known words gives its clipped form, unless that form is a word of its own or
 * clips two compounds.
 */
function abbreviations(frequency: Map<string, number>, known: Set<string>): Record<string, string> {
  const clipped = new Map<string, string | null>();
  for (const word of frequency.keys()) {
    if (!isHangul(word) || word.length < 3 || word.length > 8) continue;
    const split = segment(word, (part) => part !== word && known.has(part));
    const parts = split?.join('') === word ? split : knownHead(word, known);
    if (!parts || parts.length > 3) continue;
    const short = parts.map((part) => part[0]).join('');
    if (known.has(short)) continue;
    clipped.set(short, clipped.has(short) && clipped.get(short) !== word ? null : word);
  }
  return Object.fromEntries([...clipped].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** A known word and what follows it (`문화` + `상품권`), when the whole does not split into known words. */
function knownHead(word: string, known: Set<string>): string[] | undefined {
  for (let end = word.length - 2; end >= 2; end--) if (known.has(word.slice(0, end))) return [word.slice(0, end), word.slice(end)];
  return undefined;
}
