import type { z } from 'zod';

/** One thing wrong with the content, pointing at the file and line an editor must fix. */
export interface Problem {
  file: string;
  line: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.field}: ` : '';
  return `${problem.file}:${problem.line}: ${problem.severity === 'warning' ? 'warning: ' : ''}${where}${problem.message}`;
}

/** `related.0` reads better as `related[0]`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** Zod's default messages speak to programmers; editors read these. Parse with `reportInput: true`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  if (issue.code === 'unrecognized_keys') return 'is not a known field';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}
