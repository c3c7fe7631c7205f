/**
 * npm run check [-- --json]
 * Checks all content without building: every problem as `path:line: message`, warnings marked. Exits 1 when there
 * is an error (warnings alone pass), so it can guard a commit or a CI step; `--json` prints the list for tools.
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/build/content/check.ts';
import { contentDir } from '../src/build/content/paths.ts';
import { formatProblem } from '../src/build/content/problems.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const problems = checkContent(contentDir, new Date().toLocaleDateString('sv-SE'));
const errors = problems.filter((problem) => problem.severity === 'error').length;

if (values.json) {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(
    `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
  );
}
process.exitCode = errors ? 1 : 0;
