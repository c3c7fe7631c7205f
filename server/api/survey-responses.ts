import type { Survey } from '../../src/shared/content/survey-schema.ts';
import { SURVEY_SCALES, scoreBand } from '../../src/shared/surveys.ts';
import { surveyResponseSchema } from './schemas.ts';

/**
 * An answer to one of this site's surveys: the survey must be one site.yaml defines and the score on its kind's
 * scale. Answers what the server stores besides: the survey's kind and the score's band.
 */
export function surveyAnswerSchema(surveys: Survey[]) {
  const byId = new Map(surveys.map((survey) => [survey.id, survey]));
  return surveyResponseSchema
    .superRefine((answer, ctx) => {
      const survey = byId.get(answer.survey);
      if (!survey)
        return ctx.addIssue({
          code: 'custom',
          path: ['survey'],
          message: `must be a survey this site defines (${[...byId.keys()].join(', ') || 'none'})`,
        });
      const { min, max } = SURVEY_SCALES[survey.kind];
      if (answer.score < min || answer.score > max)
        ctx.addIssue({ code: 'custom', path: ['score'], message: `must be from ${min} to ${max} on this survey` });
    })
    .transform((answer) => {
      const { kind } = byId.get(answer.survey)!;
      return { ...answer, kind, band: scoreBand(kind, answer.score) };
    });
}
