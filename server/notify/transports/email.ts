/**
 * Delivers by e-mail through the operator's SMTP server (HELPLOOP_SMTP_URL): the notification in the destination's
 * language as plain text and HTML, to the destination's recipients. SMTP's answer becomes a DeliveryResult; which
 * failures to retry and when is the deliverer's decision.
 */
import { createTransport } from 'nodemailer';
import { composeMessage, type MessageOptions } from '../messages.ts';
import type { DeliveryResult, Transport } from '../notification.ts';
import { renderEmail } from '../render/email-message.ts';

const TIMEOUT_MS = 15_000;

export interface EmailTransportOptions extends MessageOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`. */
  smtpUrl: string;
  /** The From header, e.g. `Helploop <helploop@example.com>`. */
  from: string;
}

const recipientsOf = (target: string) =>
  target
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);

/** nodemailer's failure: an SMTP reply code (4xx for now, 5xx refused) when the server answered, else none. */
function failure(error: unknown): DeliveryResult {
  if (!(error instanceof Error)) return { ok: false, error: String(error) };
  const { responseCode } = error as Error & { responseCode?: number };
  return { ok: false, ...(responseCode ? { status: responseCode } : {}), error: error.message };
}

export function createEmailTransport(options: EmailTransportOptions): Transport {
  const smtp = createTransport({
    url: options.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    dnsTimeout: TIMEOUT_MS,
  });
  return async function deliverByEmail(destination, message) {
    const { locale } = destination;
    const { subject, text, html } = renderEmail(composeMessage(message.notification, locale, options));
    try {
      await smtp.sendMail({
        from: options.from,
        to: recipientsOf(destination.target),
        subject,
        text,
        html,
        // The outbox id: a retry of the same message is recognisably the same e-mail.
        messageId: `<${message.id}@helploop>`,
        headers: { 'Content-Language': locale },
      });
      return { ok: true };
    } catch (error) {
      return failure(error);
    }
  };
}
