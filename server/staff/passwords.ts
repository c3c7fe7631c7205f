import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** OWASP's Argon2id setting: 19 MiB, 2 passes, 1 lane (about 15 ms here). */
// `Algorithm` is a const enum, which type stripping cannot inline: 2 is its Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** At most two hashes at once on a two-core machine: login floods queue instead of exhausting memory and CPU. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resume) => waiting.push(resume));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string) => limited(() => hash(password, OPTIONS));
export const verifyPassword = (passwordHash: string, password: string) =>
  limited(() => verify(passwordHash, password).catch(() => false));

let dummy: Promise<string> | undefined;
/** A real hash to verify unknown e-mails against, so the time taken does not reveal which accounts exist. */
export const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));

export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
