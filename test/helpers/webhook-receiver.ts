import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  body: string;
  /** What `standardwebhooks`, an independent implementation of the specification, made of the signature. */
  verified: boolean;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Milliseconds before answering. */
  delayMs?: number;
}

/**
 * A webhook receiver on 127.0.0.1 that verifies every request with the `standardwebhooks` package: 400 for a bad
 * signature, else what `answer` says (204 by default). It keeps every request it got, in order.
 */
export async function startReceiver(secret: string, answer: (received: Received) => Answer = () => ({ status: 204 })) {
  const received: Received[] = [];
  const verifier = new Webhook(secret);
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const id = String(request.headers['webhook-id'] ?? '');
      const entry = { id, body, verified: verifies(verifier, body, request.headers) };
      received.push(entry);
      const { status, headers, delayMs = 0 } = entry.verified ? answer(entry) : { status: 400 };
      setTimeout(() => response.writeHead(status, headers).end(), delayMs);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

function verifies(verifier: Webhook, body: string, headers: IncomingHttpHeaders) {
  try {
    verifier.verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}
