import { setPriority } from 'node:os';

/**
 * The nice value of worker threads whose work can wait for readers' requests (staff reports, the themes'
 * clustering), so that on a busy machine the server's own thread, which answers every reader, runs first. Linux
 * only: there the nice value belongs to each thread; elsewhere setting it would lower the whole process.
 */
export const BACKGROUND_NICE = process.platform === 'linux' ? 10 : undefined;

/** Lowers the calling worker thread to BACKGROUND_NICE; a system that refuses keeps it as it was. */
export function runInBackground() {
  if (BACKGROUND_NICE === undefined) return;
  try {
    setPriority(BACKGROUND_NICE);
  } catch {
    // A sandbox that forbids it: the thread runs at the usual priority, as it did before.
  }
}
