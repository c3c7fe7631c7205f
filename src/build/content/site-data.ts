import { contentDir } from './paths.ts';
import { formatProblem, type Problem } from './problems.ts';
import { readConfigFiles } from './validate.ts';

const problems: Problem[] = [];
const files = readConfigFiles(contentDir, problems);
if (!files.site || !files.categories || !files.contexts || !files.synonyms) {
  throw new Error(`Invalid content configuration:\n${problems.map(formatProblem).join('\n')}`);
}

/** site.yaml, categories.yaml (in display order), contexts.yaml and synonyms.yaml, read once per build. */
export const site = files.site;
export const categories = [...files.categories].sort((a, b) => a.order - b.order);
export const contexts = files.contexts;
export const synonyms = files.synonyms;
