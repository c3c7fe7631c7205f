import { isEnding, stemForms, verbOf } from './conjugate.ts';
import { splitSyllable } from './hangul.ts';
import { LETTER_NAMES } from './lexicon/letters.ts';
import { soundSkeleton } from './loanword.ts';
import { isVerb, plain as searchable } from './lexicon/members.ts';

/**
 * What search knows of a site's words besides its index, built with the site (`search/knowledge-<locale>.json`):
 * the general lexicon's groups and the editors' own (content/synonyms.yaml), kept only where they touch the site's
 * words, and clipped forms of the site's compounds.
 */
export interface SiteKnowledge {
  /** One meaning each; verbs in dictionary form (`바꾸다`), phrases with their space. */
  groups: SynonymGroup[];
  /** Clipped forms readers type for the site's compound words: `비번` → `비밀번호`. */
  abbreviations: Record<string, string>;
}

export interface SynonymGroup {
  /** Members the site's articles use: what search looks for. */
  found: string[];
  /** Members no article uses: what readers may type. */
  other: string[];
}

export interface Alternatives {
  /** Words to search besides the typed one: verbs as their stem (`바꾸`), matched as a prefix like every word. */
  words: string[];
  /** The typed word is a form of a verb of the lexicon (`바꿨는데`). */
  verb: boolean;
}

const key = (word: string) => word.replace(/\s+/g, '');

/** Each Hangul letter name → the letters it spells: `비` is B, and V in `티비` (TV); the first is the usual one. */
const LETTERS = new Map<string, string[]>();
for (const [letter, names] of Object.entries(LETTER_NAMES))
  for (const name of names) LETTERS.set(name, [...(LETTERS.get(name) ?? []), letter]);

/** Reads a Hangul spelling of Latin letters (`피디에프` → `pdf`); at least two letters, or it is just a word. */
export function spelledLetters(word: string): string | undefined {
  return spelledReadings(word)[0];
}

/** Every reading of a Hangul spelling of Latin letters, the usual letters first (`티비` → `tb`, `tv`); a few at most. */
export function spelledReadings(word: string): string[] {
  const read = (rest: string): string[] => {
    if (!rest) return [''];
    const readings: string[] = [];
    for (let length = Math.min(3, rest.length); length >= 1; length--)
      for (const letter of LETTERS.get(rest.slice(0, length)) ?? [])
        for (const tail of read(rest.slice(length))) readings.push(letter + tail);
    return readings.slice(0, 4);
  };
  return read(word).filter((letters) => letters.length >= 2);
}

export class Knowledge {
  private readonly groupsOf = new Map<string, number[]>();
  private readonly verbForms = new Map<string, string>();
  private readonly nouns = new Set<string>();
  private readonly verbStems = new Set<string>();
  private readonly groups: SynonymGroup[];
  private readonly abbreviations: Record<string, string>;

  constructor(data: SiteKnowledge) {
    this.groups = data.groups;
    this.abbreviations = data.abbreviations;
    data.groups.forEach((group, i) => {
      for (const member of [...group.found, ...group.other]) {
        const word = searchable(member);
        this.groupsOf.set(word, [...(this.groupsOf.get(word) ?? []), i]);
        if (!isVerb(member)) this.nouns.add(word);
        else {
          this.verbStems.add(word);
          for (const form of stemForms(word)) if (!this.verbForms.has(form)) this.verbForms.set(form, word);
        }
      }
    });
  }

  /**
   * Two typed words that are one entry of the lexicon with a meaning their words alone do not have (`없던 일` →
   * 취소, `안 돼요`). `환불 기간` stays two words: searched apart they find more than glued.
   */
  isPhrase(first: string, second: string): boolean {
    const pair = first + second;
    const meaning = (this.groupsOf.get(pair) ?? [])
      .flatMap((i) => this.groups[i].found.map(searchable))
      .filter((word) => ![pair, first, second].includes(word));
    // `안 돼요` and `돈이 나가요` are one verb each, longer than the verb the second word alone is (나가다).
    const phraseVerb = verbOf(pair, this.verbForms);
    // The verb must reach into the second word, or the second be only endings and no verb of its own (`받아 두고`):
    // `깜빡하고 지나버렸어요` is two verbs, not 깜빡하다 with endings.
    return (
      meaning.length > 0 ||
      (phraseVerb !== undefined &&
        (searchable(phraseVerb).length > first.length || (isEnding(second) && !verbOf(second, this.verbForms))) &&
        phraseVerb.length > (verbOf(second, this.verbForms) ?? '').length)
    );
  }

  /**
   * The words articles use for a meaning whose English member a Hangul `-ing` word spells (`쉐어링` → the group of
   * `share`, 공유): the sound of the English word and its `-ing`, consonant for consonant. Only words of three syllables
   * or more ending in 잉-like syllables (링, 닝, 킹…): shorter or other words meet Korean ones by chance.
   */
  spelledEnglish(word: string): string[] {
    const last = splitSyllable(word.at(-1) ?? '');
    const skeleton = soundSkeleton(word);
    if (word.length < 3 || last?.vowel !== 'ㅣ' || last.final !== 'ㅇ' || skeleton.length < 3) return [];
    const spells = (member: string) =>
      /^[a-z]+$/.test(member) &&
      [member, member.replace(/e$/, '')].some((base) => soundSkeleton(`${base}ing`) === skeleton);
    return this.groups
      .filter((group) => [...group.found, ...group.other].some(spells))
      .flatMap((group) => group.found.filter((member) => !/^[a-z]/.test(member)).map(searchable));
  }

  /** The lexicon or the site's editors have other words for it. */
  knows(word: string): boolean {
    return this.alternatives(word, word).words.length > 0;
  }

  /** A noun of the lexicon (`돈`, `폰`), not only the stem of a verb (`넣` of 넣다). */
  isNoun(word: string): boolean {
    return this.nouns.has(word);
  }

  /** The stem of a verb of the lexicon (`바꾸`), searched as the start of its forms. */
  isVerbStem(word: string): boolean {
    return this.verbStems.has(word);
  }

  /**
   * Other words for what a reader typed: its groups' members, the verb it conjugates, the compound it clips. A word
   * the site itself uses (`onSite`) adds only each group's first member, the word articles most likely use: every
   * extra word searched costs the reader a download of its part of the index.
   */
  alternatives(typed: string, stem: string, onSite = false): Alternatives {
    const own = [typed, stem].flatMap((word) => this.groupsOf.get(key(word)) ?? []);
    const verb = own.length ? undefined : verbOf(typed, this.verbForms);
    const groups = verb ? (this.groupsOf.get(verb) ?? []) : own;
    const words = new Set(
      groups.flatMap((i) => (onSite ? this.groups[i].found.slice(0, 1) : this.groups[i].found).map(searchable)),
    );
    const full = this.abbreviations[stem];
    if (full) words.add(full);
    for (const letters of spelledReadings(stem)) words.add(letters);
    words.delete(stem);
    words.delete(typed);
    return { words: [...words], verb: verb !== undefined };
  }
}
