/**
 * Runs `task` now and every `intervalMs`, never two at once. A failure (the database busy or full for a moment) is
 * logged in one line and the task simply runs again next time: periodic work must never take the server down.
 */
export function everyInterval(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  log = (line: string) => console.error(line),
) {
  let running = false;
  const next = intervalMs < 60_000 ? `${intervalMs / 1000} s` : `${Math.round(intervalMs / 60_000)} min`;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      log(`${name} failed, will run again in ${next}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, intervalMs).unref();
  return { run, stop: () => clearInterval(timer) };
}
