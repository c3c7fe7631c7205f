/**
 * Groups `N` generated comments and prints {ms, maxRssMb, themes} as JSON: run by bench/themes.ts in a process of its
 * own, so the peak memory is this grouping's alone. The comments are the tuning sets' texts, varied the ways readers
 * vary them (spacing, endings, typos, greetings), so most are distinct texts, as in a busy help center.
 */
import { groupThemes } from '../../server/themes/grouping.ts';
import { generalLexicon } from '../../server/themes/lexicon.ts';
import type { ThemeItem } from '../../server/themes/theme.ts';
import { readSet, SETS } from './sets.ts';

const size = Number(process.argv[2]);
const texts = SETS.filter((set) => !set.heldOut).flatMap(({ name }) => readSet(name).items.map((item) => item.text));

/** mulberry32: a small seeded generator, so every run groups the same comments. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(18);
const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
const OPENINGS = ['', '', '', '안녕하세요 ', '저기요 ', '급해요 ', '문의드립니다 ', 'hi, '];
const CLOSINGS = ['', '', '', ' ㅠㅠ', '...', ' 빨리 답 주세요', '?', ' 확인 부탁드려요', '!!'];

function vary(text: string): string {
  let varied = text;
  const roll = next();
  if (roll < 0.3) varied = varied.replace(/ /g, () => (next() < 0.5 ? '' : ' '));
  else if (roll < 0.5) {
    const at = Math.floor(next() * varied.length);
    varied = varied.slice(0, at) + ' ' + varied.slice(at);
  } else if (roll < 0.65) {
    const at = Math.floor(next() * varied.length);
    varied = varied.slice(0, at) + varied.slice(at + 1);
  }
  return pick(OPENINGS) + varied + pick(CLOSINGS);
}

const items: ThemeItem[] = Array.from({ length: size }, (_, i) => ({
  key: `g:${String(i).padStart(6, '0')}`,
  source: 'comments',
  locale: 'ko',
  text: vary(pick(texts)),
  article: null,
  at: '2026-11-01T00:00:00.000Z',
  weight: 1,
}));
const started = performance.now();
const { themes } = groupThemes(items, generalLexicon());
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, themes: themes.length }));
