import { isGrammar } from './korean.ts';

/**
 * Splits a glued word (`자동이체해지`) into words the site knows, at whatever boundaries they allow, not only after
 * the longest known start: every split is considered, and the one with the fewest parts wins (then the one whose
 * parts are most evenly long). A trailing particle or ending (`…하려면`) may be left over; it is not returned.
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
    if (parts && parts.length >= 2 && (end === n || isGrammar(word.slice(end)))) return parts;
  }
  return undefined;
}

const better = (a: string[], b: string[]) =>
  a.length !== b.length
    ? a.length < b.length
    : Math.min(...a.map((part) => part.length)) > Math.min(...b.map((part) => part.length));
