import { createServer } from 'node:net';

/** Whether another process already listens on this port, found by trying to listen there for a moment. */
export function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? done(true) : fail(error)));
    probe.listen(port, host, () => probe.close(() => done(false)));
  });
}
