import { describe, expect, it } from 'vitest';
import { bootstrapDestinations } from '../../server/notify/bootstrap.ts';
import { createNotificationStorage } from '../../server/db/notification-storage.ts';
import { loadConfig } from '../../server/config.ts';
import { onEachEngine } from '../helpers/engines.ts';
import { SECRET } from '../helpers/notifications.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

onEachEngine(() => {
  describe('the notification destinations API', () => {
    const { server, login, call } = useStaffServer();
    const asAdmin = async () => {
      const { cookie, body } = await login('admin@acme.example');
      return { cookie, csrf: body.csrfToken! };
    };
    const send = async (method: string, path: string, body?: unknown) =>
      call(`/notifications${path}`, {
        method,
        ...(await asAdmin()),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const create = (body: object) =>
      send('POST', '/destinations', {
        name: 'Logistics',
        locale: 'ko',
        kind: 'webhook',
        target: 'https://hooks.example.com/x',
        ...body,
      });

    it('is for admins only: support gets 403, and changes need the CSRF token', async () => {
      const support = await login('support@acme.example');
      const listed = await call('/notifications/destinations', { cookie: support.cookie });
      expect(listed.status).toBe(403);
      expect((await listed.json()).error.code).toBe('forbidden');
      const { cookie } = await asAdmin();
      const noToken = await call('/notifications/destinations', {
        method: 'POST',
        cookie,
        body: JSON.stringify({ kind: 'slack', name: 'x', target: 'https://hooks.slack.com/x', locale: 'en' }),
      });
      expect(noToken.status).toBe(403);
      expect((await noToken.json()).error.code).toBe('csrf');
    });

    it('makes a webhook secret when none is given and shows it once; answers never carry a secret', async () => {
      const created = await create({ categories: ['billing'] });
      expect(created.status).toBe(201);
      const body = await created.json();
      expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(body.secret.slice(6), 'base64')).toHaveLength(24);
      expect(body.destination).toMatchObject({
        kind: 'webhook',
        hasSecret: true,
        categories: ['billing'],
        source: 'staff',
      });
      expect(body.destination).not.toHaveProperty('secret');
      const given = await (await create({ secret: SECRET })).json();
      expect(given).not.toHaveProperty('secret');
      const everything = JSON.stringify(await (await send('GET', '/destinations')).json());
      const log = JSON.stringify(await (await send('GET', `/destinations/${given.destination.id}/log`)).json());
      const changed = JSON.stringify(
        await (await send('PATCH', `/destinations/${given.destination.id}`, { name: 'Pay' })).json(),
      );
      for (const answer of [everything, log, changed]) {
        expect(answer).not.toContain(SECRET);
        expect(answer).not.toContain(body.secret);
      }
    });

    it('refuses what cannot be delivered, naming the field', async () => {
      const answers = await Promise.all([
        create({ target: 'ftp://hooks.example.com/x' }),
        create({ kind: 'email', target: 'not an address' }),
        create({ kind: 'slack', target: 'https://hooks.slack.com/x', secret: SECRET }),
        create({ categories: ['no-such-category'] }),
        create({ types: ['nope'] }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
      const paths = await Promise.all(answers.map(async (a) => (await a.json()).error.issues[0].path));
      expect(paths).toEqual(['target', 'target', 'secret', 'categories', 'types.0']);
    });

    it('changes, logs, tests, retries and deletes a destination', async () => {
      const { destination } = await (await create({ name: 'Payments' })).json();
      const path = `/destinations/${destination.id}`;
      const changed = await (await send('PATCH', path, { locales: ['en'], enabled: false })).json();
      expect(changed.destination).toMatchObject({ locales: ['en'], enabled: false });
      expect((await send('POST', `${path}/test`)).status).toBe(409);
      await send('PATCH', path, { enabled: true });
      const tested = await send('POST', `${path}/test`);
      expect(tested.status).toBe(202);
      const { messageId } = await tested.json();
      const log = await (await send('GET', `${path}/log`)).json();
      expect(log.counts).toEqual({ pending: 1, delivered: 0, failed: 0, disabled: 0 });
      expect(log.messages).toMatchObject([{ id: messageId, type: 'test', status: 'pending', attempts: 0 }]);
      expect(log.nextAttemptAt).toBe(server.clock.now.toISOString());
      expect(await (await send('POST', `${path}/retry`)).json()).toEqual({ rescheduled: 1 });
      expect(await (await send('DELETE', path)).json()).toEqual({ id: destination.id, deleted: true });
      expect((await send('GET', `${path}/log`)).status).toBe(404);
    });

    it('keeps the environment’s destinations as the environment says: made once, updated, switched off when unset', async () => {
      const notifications = createNotificationStorage(server.engine.db);
      const env = (vars: Record<string, string>) => loadConfig(vars).notifications;
      const url = 'https://hooks.example.com/env';
      const both = {
        HELPLOOP_WEBHOOK_URL: url,
        HELPLOOP_WEBHOOK_SECRET: SECRET,
        HELPLOOP_SMTP_URL: 'smtp://mail:25',
        HELPLOOP_DIGEST_TO: 'a@acme.example, b@acme.example',
      };
      await bootstrapDestinations(notifications, env(both), 'ko', 't1');
      await bootstrapDestinations(notifications, env(both), 'ko', 't2');
      const fromEnv = async () => (await notifications.destinations()).filter((d) => d.source === 'env');
      expect(await fromEnv()).toMatchObject([
        { kind: 'webhook', target: url, secret: SECRET, enabled: true, updatedAt: 't1', categories: [], locales: [] },
        { kind: 'email', target: 'a@acme.example, b@acme.example', locale: 'ko', enabled: true },
      ]);
      const [hook] = await fromEnv();
      expect(hook!.types).toHaveLength(7);
      await bootstrapDestinations(notifications, env({ ...both, HELPLOOP_WEBHOOK_URL: `${url}2` }), 'ko', 't3');
      expect((await fromEnv())[0]).toMatchObject({ id: hook!.id, target: `${url}2`, updatedAt: 't3' });
      await bootstrapDestinations(notifications, env({}), 'ko', 't4');
      expect((await fromEnv()).map((d) => [d.enabled, d.disabledReason])).toEqual([
        [false, 'no longer set in the environment'],
        [false, 'no longer set in the environment'],
      ]);
      // Admins may not edit its address nor delete it: the next start would undo that.
      const refused = await send('DELETE', `/destinations/${hook!.id}`);
      expect(refused.status).toBe(409);
      await bootstrapDestinations(notifications, env(both), 'ko', 't5');
      expect((await fromEnv()).map((d) => d.enabled)).toEqual([true, true]);
    });
  });
});
