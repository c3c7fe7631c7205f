import { KOREAN_STOPWORDS } from './korean.ts';

/** Words that say how a reader asks, not what about. */
const ENGLISH_STOPWORDS = new Set(
  `a an the i me my mine we our you your it its is are was were be been am do does did doing done can could will would should
  shall may might must how what when where which who whom why whose there here this that these those to of in on at by for from
  with about into after before over under again still just not no yes please help get got have has had any some if or and but so
  than then too very much many long until till as up out off need want know tell`
    .split(/\s+/)
    .filter(Boolean),
);

export const isStopword = (word: string) => KOREAN_STOPWORDS.has(word) || ENGLISH_STOPWORDS.has(word);
