import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * Asks for a secret on a terminal without showing it. Readline echoes every key through its output stream (a
 * replaced `_writeToOutput` is no longer called by readline/promises), so it gets one that drops everything; only the
 * prompt and the final line break reach the terminal. Ctrl-C still stops the program.
 */
export async function readSecret(
  prompt: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<string> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  // The terminal stops echoing (raw mode) here; only then is it safe to ask.
  const rl = createInterface({ input, output: silent, terminal: true });
  output.write(prompt);
  rl.once('SIGINT', () => {
    rl.close();
    output.write('\n');
    process.kill(process.pid, 'SIGINT');
  });
  try {
    return await rl.question('');
  } finally {
    rl.close();
    output.write('\n');
  }
}
