import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ThemeItem } from '../../server/themes/theme.ts';
import { THEME_SOURCES } from '../../src/shared/themes.ts';

/**
 * The labelled sets, each written by a helper who never saw the algorithm. The shop's and the software company's
 * are for tuning; the telecom's is held out: it is scored, never looked into while tuning.
 */
export const SETS = [
  { name: 'shop', heldOut: false },
  { name: 'software', heldOut: false },
  { name: 'telecom', heldOut: true },
] as const;

const setFile = z.object({
  name: z.string(),
  industry: z.string(),
  themes: z.array(z.object({ id: z.string(), description: z.string() })),
  items: z.array(
    z.object({
      source: z.enum(THEME_SOURCES),
      locale: z.string(),
      article: z.string().nullable(),
      text: z.string(),
      theme: z.string().nullable(),
    }),
  ),
});

export interface LabelledSet {
  name: string;
  /** Scored, never looked into while tuning. */
  heldOut: boolean;
  industry: string;
  items: ThemeItem[];
  /** Each item's theme, null for noise. */
  truth: (string | null)[];
}

export function readSet(name: (typeof SETS)[number]['name']): LabelledSet {
  const file = setFile.parse(JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')));
  return {
    name,
    heldOut: SETS.some((set) => set.name === name && set.heldOut),
    industry: file.industry,
    items: file.items.map((item, i) => ({
      key: `${name}:${String(i).padStart(5, '0')}`,
      source: item.source,
      locale: item.locale,
      text: item.text,
      article: item.article,
      at: '2026-11-01T00:00:00.000Z',
      weight: 1,
    })),
    truth: file.items.map((item) => item.theme),
  };
}
