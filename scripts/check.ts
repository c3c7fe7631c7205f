/**
 * npm run check [-- --all | --json]
 * Checks all content without building. Errors are listed in full, each as `path:line: message`; warnings are listed
 * for the files you changed (git status), and those of other files are counted by kind, so the ones you can act on
 * now are not lost among old ones (`--all` lists every warning). Exits 1 when there is an error (warnings alone
 * pass), so it can guard a commit or a CI step; `--json` prints every problem for tools.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/build/content/check.ts';
import { contentDir } from '../src/build/content/paths.ts';
import { formatProblem, type Problem } from '../src/build/content/problems.ts';
import { changedFiles } from './lib/changed-files.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, all: { type: 'boolean' } } });
const problems = checkContent(contentDir, new Date().toLocaleDateString('sv-SE'));
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.filter((problem) => problem.severity === 'warning');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What kind of warning it is, without the article it names: `no ko translation`, `updated`. */
const kindOf = (problem: Problem) => problem.field ?? problem.message.replace(/\s*\(.*\)$/, '');

if (values.json) {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const problem of errors) console.log(formatProblem(problem));
  const changed = values.all ? undefined : changedFiles(contentDir);
  const mine = changed ? warnings.filter((problem) => changed.has(resolve(problem.file))) : warnings;
  const others = warnings.filter((problem) => !mine.includes(problem));
  if (changed && mine.length) console.log('Warnings in files you changed (git status):');
  for (const problem of mine) console.log(formatProblem(problem));
  if (others.length) {
    const kinds = new Map<string, number>();
    for (const problem of others) kinds.set(kindOf(problem), (kinds.get(kindOf(problem)) ?? 0) + 1);
    const files = new Set(others.map((problem) => problem.file)).size;
    console.log(
      `${plural(others.length, 'warning')} in ${plural(files, 'file')} you did not change: ${[...kinds]
        .map(([kind, n]) => `${kind} ×${n}`)
        .join(', ')} (npm run check -- --all lists them)`,
    );
  }
  console.log(`${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
}
process.exitCode = errors.length ? 1 : 0;
