/** site.yaml's `surveys`, validated: each survey's kind (src/shared/surveys.ts), wording, sampling and throttle. */
import { z } from 'zod';
import { SURVEY_KINDS } from '../surveys.ts';

const text = z.string().trim().min(1, 'must not be empty');
const localized = z.strictObject({ ko: text, en: text });

/** One survey as site.yaml defines it; what it leaves out takes the kind's wording and sensible defaults. */
export const surveySchema = z.strictObject({
  /** How the host page (`Helploop.survey('nps')`), the API and the reports name it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
  kind: z.enum(SURVEY_KINDS),
  question: localized.optional(),
  low: localized.optional(),
  high: localized.optional(),
  followUp: z.strictObject({ low: localized, middle: localized, high: localized }).partial().optional(),
  /** The share of eligible readers asked, 0–1. */
  sample: z.number().min(0).max(1).default(0.5),
  /** Days a browser is not asked again after it answered or dismissed this survey. */
  throttleDays: z.number().int().min(1).default(30),
  /** Where it is asked: on the help center after a reader did something, or only when the host page asks. */
  on: z.enum(['help-center', 'host']).default('help-center'),
});
export type Survey = z.infer<typeof surveySchema>;

/** site.yaml `surveys`: by default, customer effort on the help center; ids must differ. */
export const surveysSchema = z
  .array(surveySchema)
  .default([{ id: 'ces', kind: 'ces', sample: 0.5, throttleDays: 30, on: 'help-center' }])
  .refine((surveys) => new Set(surveys.map((survey) => survey.id)).size === surveys.length, 'ids must differ');

