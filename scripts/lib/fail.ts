/** Ends a command-line tool with one line for the operator (a sentence, not a stack trace) and exit code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Runs a step of a command-line tool; if it throws, fails with `<what>: <the error's message>`. */
export function failWith<T>(what: string, step: () => T): T {
  const failed = (error: unknown): never => fail(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  try {
    const result = step();
    return result instanceof Promise ? (result.catch(failed) as T) : result;
  } catch (error) {
    return failed(error);
  }
}
