import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../server/notify/http-post.ts';
import { checkTargetUrl, isPrivateAddress, RefusedTargetError } from '../../server/notify/ssrf-guard.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const clock = () => new Date();

describe('the SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34'])('lets %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('refuses URLs that are not http(s), and IP literals of private addresses', () => {
    expect(() => checkTargetUrl('file:///etc/passwd', false)).toThrow(RefusedTargetError);
    expect(() => checkTargetUrl('gopher://example.com/', false)).toThrow(/not allowed/);
    expect(() => checkTargetUrl('http://[::1]:8080/hook', false)).toThrow(/private/);
    expect(() => checkTargetUrl('http://[::ffff:127.0.0.1]/hook', false)).toThrow(/private/);
    expect(() => checkTargetUrl('http://169.254.169.254/latest/meta-data', false)).toThrow(/private/);
    expect(checkTargetUrl('https://hooks.example.com/x', false).host).toBe('hooks.example.com');
  });

  describe('when sending', () => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver(SECRET);
    });
    afterAll(() => receiver.close());
    const port = () => new URL(receiver.url).port;

    it('refuses a host name that resolves to loopback, and sends nothing', async () => {
      const result = await postJson(`http://localhost:${port()}/hooks`, '{}', {}, { allowPrivate: false, clock });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/localhost is at .*private address/) });
      const literal = await postJson(receiver.url, '{}', {}, { allowPrivate: false, clock });
      expect(literal).toMatchObject({ ok: false, error: expect.stringMatching(/127\.0\.0\.1 is a private address/) });
      expect(receiver.received).toHaveLength(0);
    });

    it('reaches them when HELPLOOP_ALLOW_PRIVATE_WEBHOOKS is set', async () => {
      const result = await postJson(`http://localhost:${port()}/hooks`, '{}', {}, { allowPrivate: true, clock });
      // Unsigned, so the verifying receiver says 400: what matters is that it was reached.
      expect(result.status).toBe(400);
      expect(receiver.received).toHaveLength(1);
    });
  });
});
