import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import { stemForms, verbOf } from '../../src/shared/search/conjugate.ts';
import { FEEDBACK_GROUPS } from './feedback-lexicon.ts';
import { GENERAL_GROUPS } from '../../src/shared/search/lexicon/general.ts';
import { isVerb, plain } from '../../src/shared/search/lexicon/members.ts';
import { locales } from '../../src/shared/locales.ts';
import { knowledgePath, vocabularyPath } from '../../src/shared/search/vocabulary.ts';

/**
 * What themes know of words besides their spelling, from the same sources as search: the general Korean lexicon
 * shipped with the engine, and what the site build learned (the editors' synonym groups, the words of the articles).
 * Two readers who use different words for one meaning (`돌려받다`, `환불`) meet on the meaning.
 */
export class ThemeLexicon {
  /** Plain member → the meanings (each named by its group's first member) it belongs to. */
  private readonly meaningsOf = new Map<string, string[]>();
  private readonly verbForms = new Map<string, string>();
  private readonly known: Set<string>;

  constructor(groups: readonly (readonly string[])[], words: Iterable<string>) {
    for (const group of groups) {
      const meaning = plain(group[0]);
      for (const member of group) {
        const word = plain(member);
        const meanings = this.meaningsOf.get(word) ?? [];
        if (!meanings.includes(meaning)) this.meaningsOf.set(word, [...meanings, meaning]);
        if (isVerb(member))
          for (const form of stemForms(word)) if (!this.verbForms.has(form)) this.verbForms.set(form, word);
      }
    }
    this.known = new Set([...words, ...this.meaningsOf.keys()]);
  }

  /** The meanings of a word as typed or as its stem: a noun's groups, or the groups of the verb it is a form of. */
  meanings(typed: string, stem: string): string[] {
    const own = this.meaningsOf.get(stem) ?? this.meaningsOf.get(typed);
    if (own) return own;
    const verb = verbOf(typed, this.verbForms);
    return verb ? (this.meaningsOf.get(verb) ?? []) : [];
  }

  /** A word the site or the lexicon uses: what a glued word (`배송이안와요`) may be split into. */
  isWord(word: string): boolean {
    return this.known.has(word);
  }
}

/** The parts of the build's search files themes read (src/shared/search/knowledge.ts, vocabulary.ts). */
const knowledgeFile = z.object({
  groups: z.array(z.object({ found: z.array(z.string()), other: z.array(z.string()) })),
  abbreviations: z.record(z.string(), z.string()),
});
const vocabularyFile = z.object({ words: z.record(z.string(), z.number()), known: z.array(z.string()) });

/** What themes know of words without a site: the general lexicon and the feedback lexicon. */
const BUILT_IN = [...GENERAL_GROUPS, ...FEEDBACK_GROUPS];

/** The built-in lexicons alone: for tests, and for the bench's sets of industries with no site here. */
export const generalLexicon = () => new ThemeLexicon(BUILT_IN, []);

/** The general lexicon with what the build of the site in `siteDir` wrote for search, where it has. */
export function loadThemeLexicon(siteDir: string): ThemeLexicon {
  const groups: (readonly string[])[] = [...BUILT_IN];
  const words: string[] = [];
  /** A search file the build wrote, parsed, or undefined before the site was built. */
  const read = <T>(path: string, schema: z.ZodType<T>) => {
    const file = join(siteDir, path);
    return existsSync(file) ? schema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  };
  for (const locale of locales) {
    const knowledge = read(knowledgePath(locale), knowledgeFile);
    if (knowledge) {
      groups.push(...knowledge.groups.map((group) => [...group.found, ...group.other]));
      // A clipped form means its compound: `비번` is `비밀번호`.
      groups.push(...Object.entries(knowledge.abbreviations).map(([short, full]) => [full, short]));
    }
    const vocabulary = read(vocabularyPath(locale), vocabularyFile);
    if (vocabulary) words.push(...Object.keys(vocabulary.words), ...vocabulary.known);
  }
  return new ThemeLexicon(groups, words);
}
