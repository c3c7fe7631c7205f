/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that parses every message it accepts with mailparser, for the
 * e-mail transport's tests and bench/notify-samples.ts. It asks for a login, as a real relay does.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  recipients: string[];
  mail: ParsedMail;
}

export async function startSmtpReceiver() {
  const received: ReceivedMail[] = [];
  /** An SMTP reply code to refuse the next senders with, as a busy (4xx) or refusing (5xx) server does. */
  let refuseWith: number | null = null;
  const server = new SMTPServer({
    // STARTTLS with the built-in self-signed certificate would only test certificate checks.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.username === 'helploop' && auth.password === 'secret'
        ? callback(null, { user: auth.username })
        : callback(new Error('Invalid login')),
    onMailFrom: (_address, _session, callback) =>
      callback(
        refuseWith ? Object.assign(new Error(`Refused with ${refuseWith}`), { responseCode: refuseWith }) : null,
      ),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          received.push({ recipients: session.envelope.rcptTo.map((to) => to.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://helploop:secret@127.0.0.1:${port}`,
    received,
    refuse: (code: number | null) => {
      refuseWith = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
