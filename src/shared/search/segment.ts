import { splitSyllable } from './hangul.ts';
import { isGrammar, KOREAN_STOPWORDS } from './korean.ts';

/**
 * Splits a glued word (`자동이체해지`) into words the site knows, at whatever boundaries they allow, not only after
 * the longest known start: every split is considered, and the one with the fewest parts wins (then the one whose
 * parts are most evenly long). A trailing particle or ending (`…하려면`) may be left over; it is not returned. So may
 * the way a question ends (`…하는법`, `…안됨`): then one word before it is split enough.
 */
export function segment(word: string, isWord: (part: string) => boolean): string[] | undefined {
  const n = word.length;
  // best[i]: the best split of word.slice(0, i), as its parts.
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const before = best[start];
      const part = word.slice(start, end);
      if (!before || !isWord(part)) continue;
      const candidate = [...before, part];
      if (!best[end] || better(candidate, best[end]!)) best[end] = candidate;
    }
  }
  for (let end = n; end >= 2; end--) {
    const parts = best[end];
    if (!parts) continue;
    if (parts.length >= 2 && (end === n || isGrammar(word.slice(end)))) return parts;
    if (parts.length >= 1 && isQuestionEnd(word.slice(end))) return parts;
  }
  return undefined;
}

/** Two syllables or more made only of asking words and grammar (`하는법` = 하는 + 법, `안됨`). */
function isQuestionEnd(tail: string): boolean {
  if (tail.length < 2) return false;
  // `안옴`, `안뜸`, `못함`: a negation and a verb in its clipped -ㅁ form, as readers write a complaint.
  if (/^[안못].$/.test(tail) && splitSyllable(tail[1])?.final === 'ㅁ') return true;
  // reachable[i]: tail.slice(0, i) is asking words and grammar.
  const reachable = [true];
  for (let end = 1; end <= tail.length; end++)
    for (let start = 0; start < end && !reachable[end]; start++)
      if (
        reachable[start] &&
        (KOREAN_STOPWORDS.has(tail.slice(start, end)) || isParticleOrEnding(tail.slice(start, end)))
      )
        reachable[end] = true;
  return reachable[tail.length] === true;
}

/** A particle or an ending of two syllables or more: one syllable alone is too often the start of a word. */
const isParticleOrEnding = (fragment: string) => fragment.length >= 2 && isGrammar(fragment);

const better = (a: string[], b: string[]) =>
  a.length !== b.length
    ? a.length < b.length
    : Math.min(...a.map((part) => part.length)) > Math.min(...b.map((part) => part.length));
