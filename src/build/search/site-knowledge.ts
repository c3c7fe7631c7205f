import { stemForms, verbOf } from '../../shared/search/conjugate.ts';
import { articleStems, pageText, type IndexableArticle } from './keywords.ts';
import { analyzeKorean } from '../../shared/search/korean.ts';
import type { SiteKnowledge } from '../../shared/search/knowledge.ts';
import { COMMON_WORDS } from './lexicon/common-words.ts';
import { GENERAL_GROUPS } from '../../shared/search/lexicon/general.ts';
import { isVerb, plain } from '../../shared/search/lexicon/members.ts';
import { segment } from '../../shared/search/segment.ts';
import { isHangul, words } from '../../shared/search/text.ts';
import type { Vocabulary } from '../../shared/search/vocabulary.ts';

/**
 * Builds, from one locale's articles, what search knows besides the index: the lexicon's and the editors' groups
 * that touch the site's words, clipped forms of its compounds, and the vocabulary typo correction and glued-word
 * splitting compare against. Runs at build time; the browser gets the results as JSON: the knowledge with the
 * first search, the vocabulary only when a word is not in the index.
 */
export function buildSiteKnowledge(
  articles: IndexableArticle[],
  editorGroups: readonly (readonly string[])[],
): { knowledge: SiteKnowledge; vocabulary: Vocabulary } {
  const frequency = new Map<string, number>();
  const tokens = new Set<string>();
  const tokensOf: Set<string>[] = [];
  for (const article of articles) {
    for (const stem of articleStems(article)) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
    const own = new Set(words(pageText(article)));
    for (const token of own) tokens.add(token);
    tokensOf.push(own);
  }
  // Words a search can land on: whole words and stems, and starts of words of three letters or more (`배송비` for
  // `배송비용`). A two-letter start is too often another word's (`프로` of `프로필`).
  const stemOf = new Map([...tokens].map((token) => [token, analyzeKorean(token).stem]));
  const stems = new Set([...stemOf].flat());
  const prefixes = new Set(
    [...tokens].flatMap((token) =>
      Array.from({ length: Math.min(token.length, 12) - 2 }, (_, i) => token.slice(0, i + 3)),
    ),
  );
  const lexiconWords = new Set(GENERAL_GROUPS.flat().map(plain));
  const known = new Set([...frequency.keys(), ...lexiconWords, ...COMMON_WORDS]);

  const onSite = (member: string) => {
    const word = plain(member);
    if (!isVerb(member)) return stems.has(word) || prefixes.has(word);
    const forms = new Map(stemForms(word).map((form) => [form, word]));
    return [...tokens].some((token) => verbOf(token, forms) === word);
  };
  const lexicon = [...GENERAL_GROUPS, ...editorGroups];
  const found = lexicon.map((group) => group.filter(onSite));
  // A reader's word is also searched as its meaning's first word on the site (knowledge.ts): the lexicon's first,
  // unless the articles use another of its words on twice the pages (`바꾸다` where a shop rarely writes `변경`). Not
  // a word on most pages (`확인`): it tells no page apart, and searching it costs the reader a part of the index.
  const pages = pagesUsing(tokensOf, stemOf, new Set(found.flat()));
  const count = (member: string) => pages.get(member) ?? 0;
  const groups = lexicon.flatMap((group, i) => {
    const most = found[i].reduce((best, member) => (count(member) > count(best) ? member : best), found[i][0]);
    const used =
      most && count(most) >= 2 * count(found[i][0]) && count(most) <= articles.length / 2
        ? [most, ...found[i].filter((member) => member !== most)]
        : found[i];
    return used.length ? [{ found: used, other: group.filter((member) => !used.includes(member)) }] : [];
  });

  return {
    knowledge: { groups, abbreviations: abbreviations(frequency, known) },
    vocabulary: {
      pages: articles.length,
      words: Object.fromEntries(frequency),
      known: [...known].filter((word) => !frequency.has(word) && isHangul(word)),
    },
  };
}

/**
 * How many articles use each of `members` (lexicon words, verbs as `…다`) as search finds them: a noun as a word,
 * its stem or the start of a longer word; a verb in any of its forms.
 */
function pagesUsing(tokensOf: Set<string>[], stemOf: Map<string, string>, members: Set<string>): Map<string, number> {
  const nouns = new Set([...members].filter((member) => !isVerb(member)).map(plain));
  const forms = new Map<string, string>();
  for (const member of [...members].filter(isVerb))
    for (const form of stemForms(plain(member))) if (!forms.has(form)) forms.set(form, member);
  const pages = new Map<string, number>();
  for (const tokens of tokensOf) {
    const used = new Set<string>();
    for (const token of tokens) {
      const stem = stemOf.get(token)!;
      for (let end = 1; end <= Math.min(token.length, 12); end++)
        if (nouns.has(token.slice(0, end)) && (end >= 3 || end === token.length || end === stem.length))
          used.add(token.slice(0, end));
      const verb = verbOf(token, forms);
      if (verb) used.add(verb);
    }
    for (const word of used) pages.set(word, (pages.get(word) ?? 0) + 1);
  }
  return new Map([...members].map((member) => [member, pages.get(isVerb(member) ? member : plain(member)) ?? 0]));
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
    // A verb's form is no compound: `재생된다면` clips to nothing anyone types.
    const { predicate, predicateLike } = analyzeKorean(word);
    if (predicate || predicateLike) continue;
    // A compound ending in a compound is clipped in its end only (`간편비밀번호` → `간편비번`), as 비밀번호 is alone.
    for (let start = 2; start <= word.length - 4; start++) {
      const tail = word.slice(start);
      const halves = known.has(tail) ? segment(tail, (part) => part !== tail && known.has(part)) : undefined;
      if (halves?.length !== 2 || halves.join('') !== tail) continue;
      const short = word.slice(0, start) + halves.map((part) => part[0]).join('');
      if (!known.has(short)) clipped.set(short, clipped.has(short) && clipped.get(short) !== word ? null : word);
      break;
    }
    const split = segment(word, (part) => part !== word && known.has(part));
    const parts = split?.join('') === word ? split : (knownEnds(word, known) ?? knownHead(word, known));
    // Four syllables no known word explains are read two by two (`블루투스` → `블투`, `자동결제` → `자결`).
    const pairs = !parts && word.length === 4 ? word[0] + word[2] : undefined;
    if (pairs && !known.has(pairs)) clipped.set(pairs, clipped.has(pairs) && clipped.get(pairs) !== word ? null : word);
    if (!parts || parts.length > 3) continue;
    // Three words, the middle one left out (`해외여행자보험` → `해외보험`): each part split again where it can be.
    // Readers type this form even where the site uses it elsewhere: it is clipped from the whole compound.
    const fine = parts.flatMap((part) => {
      const halves = segment(part, (half) => half !== part && known.has(half));
      return halves?.length === 2 && halves.join('') === part ? halves : [part];
    });
    if (fine.length === 3 && fine.every((part) => part.length >= 2)) {
      const outer = fine[0] + fine[2];
      clipped.set(outer, clipped.has(outer) && clipped.get(outer) !== word ? null : word);
    }
    const short = parts.map((part) => part[0]).join('');
    if (known.has(short)) continue;
    clipped.set(short, clipped.has(short) && clipped.get(short) !== word ? null : word);
  }
  // A clipping that reads as a verb's form (`가서`) is what a reader types as that verb, not the compound.
  return Object.fromEntries(
    [...clipped].filter(
      (entry): entry is [string, string] => entry[1] !== null && !analyzeKorean(entry[0]).predicateLike,
    ),
  );
}

/** Known words at both ends and what lies between (`내일` + `배움` + `카드`), when the whole does not split. */
function knownEnds(word: string, known: Set<string>): string[] | undefined {
  for (let end = word.length - 4; end >= 2; end--) {
    if (!known.has(word.slice(0, end))) continue;
    for (let start = word.length - 2; start >= end + 2; start--)
      if (known.has(word.slice(start))) return [word.slice(0, end), word.slice(end, start), word.slice(start)];
  }
  return undefined;
}

/** A known word and what follows it (`문화` + `상품권`), when the whole does not split into known words. */
function knownHead(word: string, known: Set<string>): string[] | undefined {
  for (let end = word.length - 2; end >= 2; end--)
    if (known.has(word.slice(0, end))) return [word.slice(0, end), word.slice(end)];
  return undefined;
}
