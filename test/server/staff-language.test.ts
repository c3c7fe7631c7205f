import { describe, expect, it } from 'vitest';
import { onEachEngine } from '../helpers/engines.ts';
import { useStaffServer } from '../helpers/staff-client.ts';

onEachEngine(() => {
  describe('a staff member’s language', () => {
    const { login, call } = useStaffServer();

    it('is the site’s default locale until they choose one', async () => {
      const { cookie, body } = await login('support@acme.example');
      // The fixture site's default locale is English.
      expect(body.locale).toBe('en');
      expect(await (await call('/me', { cookie })).json()).toMatchObject({
        email: 'support@acme.example',
        locale: 'en',
      });
    });

    it('is remembered across sessions once chosen, for that member only', async () => {
      const first = await login('support@acme.example');
      const chosen = await call('/me', {
        method: 'PATCH',
        cookie: first.cookie,
        csrf: first.body.csrfToken,
        body: JSON.stringify({ locale: 'ko' }),
      });
      expect(chosen.status).toBe(200);
      expect(await chosen.json()).toEqual({
        email: 'support@acme.example',
        role: 'support',
        csrfToken: first.body.csrfToken,
        locale: 'ko',
      });
      const next = await login('support@acme.example');
      expect(next.body.locale).toBe('ko');
      expect((await (await call('/me', { cookie: next.cookie })).json()).locale).toBe('ko');
      expect((await login('admin@acme.example')).body.locale).toBe('en');
    });

    it('refuses a locale the workspace does not offer, naming the field', async () => {
      const { cookie, body } = await login('admin@acme.example');
      const refused = await call('/me', {
        method: 'PATCH',
        cookie,
        csrf: body.csrfToken,
        body: JSON.stringify({ locale: 'fr' }),
      });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({ code: 'invalid_body', issues: [{ path: 'locale' }] });
    });
  });
});
