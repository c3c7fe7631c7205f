/**
 * node bench/notify-samples.ts — every notification type in Korean and English, delivered as they would be: the
 * e-mail through a local SMTP server (parsed by mailparser), the Slack message to a local HTTP receiver. Writes what
 * arrived to bench/.work/notify-samples/ (<type>.<locale>.txt, .html and .slack.json) and prints the Korean digest
 * e-mail's text and the Korean Slack message of a comments batch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../src/shared/locales.ts';
import type { Destination, Notification } from '../server/notify/notification.ts';
import { createEmailTransport } from '../server/notify/transports/email.ts';
import { createSlackTransport } from '../server/notify/transports/slack.ts';
import { startHttpReceiver } from '../test/helpers/http-receiver.ts';
import { BASE_URL, sampleData, sampleNotification } from '../test/helpers/sample-notifications.ts';
import { startSmtpReceiver } from '../test/helpers/smtp-receiver.ts';

const out = join('bench', '.work', 'notify-samples');
mkdirSync(out, { recursive: true });
const [smtp, slack] = await Promise.all([startSmtpReceiver(), startHttpReceiver()]);
const options = { baseUrl: BASE_URL, timeZone: 'Asia/Seoul' };
const email = createEmailTransport({ ...options, smtpUrl: smtp.url, from: 'Helploop <helploop@localhost>' });
const slackTransport = createSlackTransport({ ...options, allowPrivate: true, clock: () => new Date() });
const destination = (kind: Destination['kind'], target: string, locale: Destination['locale']): Destination => ({
  id: 1,
  kind,
  name: `${kind} ${locale}`,
  target,
  secret: null,
  locale,
  categories: [],
  locales: [],
  types: [],
  enabled: true,
});

try {
  for (const type of Object.keys(sampleData) as Notification['type'][]) {
    for (const locale of locales) {
      const message = { id: `sample-${type}-${locale}`, notification: sampleNotification(type), attempt: 1 };
      const results = [
        await email(destination('email', 'team@shop.example', locale), message),
        await slackTransport(destination('slack', slack.url, locale), message),
      ];
      const failed = results.find((result) => !result.ok);
      if (failed) throw new Error(`${type} in ${locale} was not delivered: ${failed.error}`);
      const { mail } = smtp.received.at(-1)!;
      const name = join(out, `${type}.${locale}`);
      writeFileSync(`${name}.txt`, `Subject: ${mail.subject}\n\n${mail.text}`);
      writeFileSync(`${name}.html`, String(mail.html));
      writeFileSync(`${name}.slack.json`, `${JSON.stringify(JSON.parse(slack.received.at(-1)!.body), null, 2)}\n`);
      console.log(`${type} (${locale}): e-mail “${mail.subject}”, Slack ${slack.received.at(-1)!.body.length} bytes`);
    }
  }
  console.log(`\nWrote ${smtp.received.length} e-mails and ${slack.received.length} Slack messages to ${out}/\n`);
  const digest = smtp.received.find(({ mail }) => mail.messageId === '<sample-digest.weekly-ko@helploop>')!;
  console.log(`--- The Korean weekly digest, as the SMTP server received it (text part) ---\n${digest.mail.text}`);
  const comments = slack.received.find((request) => request.body.includes('글에 새 의견'))!;
  console.log(`--- A comments batch, as the Slack receiver got it ---\n${comments.body}`);
} finally {
  await Promise.all([smtp.close(), slack.close()]);
}
