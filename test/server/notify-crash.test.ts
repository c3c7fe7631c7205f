import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../server/db/engine.ts';
import { createNotificationStorage } from '../../server/db/notification-storage.ts';
import { freshDatabase, onEachEngine } from '../helpers/engines.ts';
import { SECRET } from '../helpers/notifications.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

const QUEUED = 30;

/** Runs the deliverer script; `kill` is called with a function that SIGKILLs it. */
function runDeliverer(env: Record<string, string>) {
  const child = spawn(process.execPath, [resolve('test/helpers/notify-deliverer.ts')], {
    env: { ...process.env, NOTIFY_CLAIM_MS: '300', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, output })),
  );
  return { kill: () => child.kill('SIGKILL'), exited };
}

onEachEngine((kind) => {
  describe('a deliverer killed with SIGKILL mid-delivery', () => {
    it('loses nothing, and repeats a message only with its webhook-id', async () => {
      const database = await freshDatabase(kind);
      let killNow = () => {};
      // The 8th request is in flight when the deliverer dies: its answer never reaches it.
      const receiver = await startReceiver(SECRET, () => {
        if (receiver.received.length === 8) killNow();
        return { status: 204, delayMs: 20 };
      });
      try {
        const env = { ...database.env, NOTIFY_RECEIVER: receiver.url };
        const first = runDeliverer({ ...env, NOTIFY_QUEUE: String(QUEUED) });
        killNow = first.kill;
        expect((await first.exited).signal).toBe('SIGKILL');
        const interrupted = receiver.received[7]!.id;
        const second = await runDeliverer(env).exited;
        expect(second.output).toContain('done');

        const engine = await openEngine({
          databaseFile: database.env.HELPLOOP_DATABASE!,
          databaseUrl: database.env.HELPLOOP_DATABASE_URL,
        });
        const notifications = createNotificationStorage(engine.db);
        const [destination] = await notifications.destinations();
        const { counts, messages } = await notifications.log(destination!.id, 100);
        await engine.close();

        expect(counts).toEqual({ pending: 0, delivered: QUEUED, failed: 0, disabled: 0 });
        const queued = new Set(messages.map((message) => message.id));
        const ids = receiver.received.map((r) => r.id);
        expect(new Set(ids)).toEqual(queued);
        expect(receiver.received.every((r) => r.verified)).toBe(true);
        // The interrupted message came again, with the same id and body; every repeat is such a one.
        expect(ids.filter((id) => id === interrupted).length).toBeGreaterThanOrEqual(2);
        const bodies = new Map<string, Set<string>>();
        for (const { id, body } of receiver.received) bodies.set(id, (bodies.get(id) ?? new Set()).add(body));
        expect([...bodies.values()].every((set) => set.size === 1)).toBe(true);
      } finally {
        await receiver.close();
        database.remove();
      }
    }, 60_000);
  });
});
