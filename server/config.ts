import { resolve } from 'node:path';
import { z } from 'zod';
import { isAddressOrRange, type ProxyTrust } from './api/client-address.ts';
import { WEBHOOK_SECRET } from './notify/webhook-signature.ts';
import { WEEKDAYS } from './notify/triggers/digest-schedule.ts';
import { TRIGGER_TYPES, type TriggerType } from './notify/triggers/trigger-types.ts';

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `false`, `true` (one proxy), a number of proxies, or the proxies' addresses and CIDR ranges, comma-separated. */
const proxyTrustSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context): ProxyTrust => {
    if (['', 'false', '0'].includes(value)) return { hops: 0 };
    if (value === 'true') return { hops: 1 };
    if (/^\d+$/.test(value)) return { hops: Number(value) };
    const proxies = list(value);
    for (const entry of proxies.filter((proxy) => !isAddressOrRange(proxy))) {
      context.addIssue({
        code: 'custom',
        message: `${entry} is not true, false, a number of proxies, an IP address or a CIDR range`,
      });
    }
    return { proxies };
  });

/** A variable that may be unset or empty (templates often carry it with no value), else matches `schema`. */
const unlessEmpty = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(schema.optional());

/** Set to anything but empty, `false` or `0`. */
const flag = z
  .string()
  .default('')
  .transform((value) => !['', 'false', '0'].includes(value.trim()));
/** The notification triggers to run: empty runs all, `none` none, otherwise the types listed. */
const triggersSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context): TriggerType[] => {
    if (value === '') return [...TRIGGER_TYPES];
    if (value === 'none') return [];
    const named = list(value);
    for (const type of named.filter((type) => !(TRIGGER_TYPES as string[]).includes(type))) {
      context.addIssue({ code: 'custom', message: `${type} is not one of ${TRIGGER_TYPES.join(', ')} (or none)` });
    }
    return TRIGGER_TYPES.filter((type) => named.includes(type));
  });

/** Everything the server reads from the environment, with its default. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /** 127.0.0.1 keeps a fresh install private; set 0.0.0.0 behind a proxy or in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  HELPLOOP_SITE_DIR: z.string().min(1).default('dist'),
  HELPLOOP_DATABASE: z.string().min(1).default('data/helploop.db'),
  /** A PostgreSQL URL (postgres://…): used instead of the SQLite file, for several instances or managed databases. */
  HELPLOOP_DATABASE_URL: unlessEmpty(
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  ),
  /** Days raw events are kept; daily counts stay. */
  HELPLOOP_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /** Extra origins allowed to send beacons, besides site.yaml's widgetOrigins; comma-separated. */
  HELPLOOP_CORS_ORIGINS: z.string().default(''),
  /** The reverse proxies whose X-Forwarded-For entries are believed; without any, that header is ignored. */
  HELPLOOP_TRUST_PROXY: proxyTrustSchema,
  /** Events one visitor (IP address and browser) may send per minute. */
  HELPLOOP_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** Events one IP address may send per minute, all its visitors together: generous, for offices behind one address. */
  HELPLOOP_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(1200),
  /** Votes on one article counted per IP address and day; rotating the browser's name cannot add more. */
  HELPLOOP_VOTES_PER_IP: z.coerce.number().int().min(1).default(20),
  /** `off`: a linked search (`/ko/search/?q=…`) is answered by the browser alone, as on a CDN; no search thread runs. */
  HELPLOOP_SEARCH_IN_PAGE: z.enum(['on', 'off']).default('on'),
  /** Extra patterns masked in queries and comments before storing (e.g. order numbers); comma-separated regexes. */
  HELPLOOP_MASK_PATTERNS: z.string().default(''),
  // Distinct readers whose "searched X, then found Y" teaches search X as a name of Y at the next build, unreviewed.
  HELPLOOP_SYNONYM_READERS: z.coerce.number().int().min(1).default(3),
  /** `full`: an acknowledged event survives power loss; `normal`: only a crash of the process (see README "Durability"). */
  HELPLOOP_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  /** Lets webhooks and Slack reach private, loopback and link-local addresses (an intranet receiver, tests). */
  HELPLOOP_ALLOW_PRIVATE_WEBHOOKS: flag,
  /** With HELPLOOP_WEBHOOK_SECRET: a webhook destination kept from the environment (notify/bootstrap.ts). */
  HELPLOOP_WEBHOOK_URL: unlessEmpty(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  HELPLOOP_WEBHOOK_SECRET: unlessEmpty(z.string().regex(WEBHOOK_SECRET, 'must be whsec_ and a base64 key')),
  /** The SMTP server e-mail destinations send through (smtp:// or smtps://, with its user and password). */
  HELPLOOP_SMTP_URL: unlessEmpty(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
  /** The From of notification e-mails. */
  HELPLOOP_MAIL_FROM: z.string().min(1).default('Helploop <helploop@localhost>'),
  /** With HELPLOOP_SMTP_URL: the recipients (comma-separated) of an e-mail destination kept from the environment. */
  HELPLOOP_DIGEST_TO: z
    .string()
    .default('')
    .transform(list)
    .pipe(z.array(z.email('must be e-mail addresses, comma-separated'))),
  HELPLOOP_NOTIFY_TRIGGERS: triggersSchema,
  /** Seconds over which "No" votes with comments on one article, or low survey scores with comments on one survey,
   * are gathered into one message. */
  HELPLOOP_NOTIFY_BATCH_SECONDS: z.coerce.number().int().min(1).default(300),
  /** Seconds between turns of the themes job: how soon what readers said joins its theme. */
  HELPLOOP_THEMES_SECONDS: z.coerce.number().int().min(1).default(60),
  /** The Wilson lower bound of an article's "No" share over 7 days that raises article.unhelpful. */
  HELPLOOP_NOTIFY_UNHELPFUL_LEVEL: z.coerce.number().min(0).max(1).default(0.4),
  /** Votes an article needs in 7 days before article.unhelpful judges it, and after a fix before its verdict. */
  HELPLOOP_NOTIFY_MIN_VOTES: z.coerce.number().int().min(1).default(10),
  /** Distinct visitors whose same search found nothing, in the current and previous day, that raise search.failing. */
  HELPLOOP_NOTIFY_FAILED_VISITORS: z.coerce.number().int().min(1).default(5),
  /** Days before an alert that cleared may fire again for the same article or search. */
  HELPLOOP_NOTIFY_COOLDOWN_DAYS: z.coerce.number().min(0).default(7),
  /** The weekly digest's day and hour, on the clocks of site.yaml's `timeZone`. */
  HELPLOOP_DIGEST_DAY: z.enum(WEEKDAYS).default('monday'),
  HELPLOOP_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
});

/** The environment as the server uses it. */
const configSchema = envSchema
  .superRefine((settings, context) => {
    const together = (a: keyof typeof settings, b: keyof typeof settings, needs: boolean) => {
      if (needs) context.addIssue({ code: 'custom', path: [b], message: `is required with ${a}` });
    };
    together(
      'HELPLOOP_WEBHOOK_URL',
      'HELPLOOP_WEBHOOK_SECRET',
      !!settings.HELPLOOP_WEBHOOK_URL && !settings.HELPLOOP_WEBHOOK_SECRET,
    );
    together(
      'HELPLOOP_WEBHOOK_SECRET',
      'HELPLOOP_WEBHOOK_URL',
      !!settings.HELPLOOP_WEBHOOK_SECRET && !settings.HELPLOOP_WEBHOOK_URL,
    );
    together(
      'HELPLOOP_DIGEST_TO',
      'HELPLOOP_SMTP_URL',
      settings.HELPLOOP_DIGEST_TO.length > 0 && !settings.HELPLOOP_SMTP_URL,
    );
  })
  .transform((settings) => ({
    port: settings.PORT,
    host: settings.HOST,
    siteDir: resolve(settings.HELPLOOP_SITE_DIR),
    databaseFile: resolve(settings.HELPLOOP_DATABASE),
    databaseUrl: settings.HELPLOOP_DATABASE_URL,
    retentionDays: settings.HELPLOOP_RETENTION_DAYS,
    themesSeconds: settings.HELPLOOP_THEMES_SECONDS,
    corsOrigins: list(settings.HELPLOOP_CORS_ORIGINS),
    trustProxy: settings.HELPLOOP_TRUST_PROXY,
    rateLimit: settings.HELPLOOP_RATE_LIMIT,
    rateLimitPerIp: settings.HELPLOOP_RATE_LIMIT_PER_IP,
    votesPerIp: settings.HELPLOOP_VOTES_PER_IP,
    maskPatterns: list(settings.HELPLOOP_MASK_PATTERNS).map((pattern) => new RegExp(pattern, 'g')),
    synonymReaders: settings.HELPLOOP_SYNONYM_READERS,
    synchronous: settings.HELPLOOP_SYNCHRONOUS,
    searchInPage: settings.HELPLOOP_SEARCH_IN_PAGE === 'on',
    notifications: {
      allowPrivateWebhooks: settings.HELPLOOP_ALLOW_PRIVATE_WEBHOOKS,
      webhook:
        settings.HELPLOOP_WEBHOOK_URL && settings.HELPLOOP_WEBHOOK_SECRET
          ? { url: settings.HELPLOOP_WEBHOOK_URL, secret: settings.HELPLOOP_WEBHOOK_SECRET }
          : undefined,
      smtpUrl: settings.HELPLOOP_SMTP_URL,
      mailFrom: settings.HELPLOOP_MAIL_FROM,
      digestTo: settings.HELPLOOP_DIGEST_TO,
    },
    notify: {
      triggers: settings.HELPLOOP_NOTIFY_TRIGGERS,
      batchSeconds: settings.HELPLOOP_NOTIFY_BATCH_SECONDS,
      unhelpfulLevel: settings.HELPLOOP_NOTIFY_UNHELPFUL_LEVEL,
      minVotes: settings.HELPLOOP_NOTIFY_MIN_VOTES,
      failedVisitors: settings.HELPLOOP_NOTIFY_FAILED_VISITORS,
      cooldownDays: settings.HELPLOOP_NOTIFY_COOLDOWN_DAYS,
      digest: { day: settings.HELPLOOP_DIGEST_DAY, hour: settings.HELPLOOP_DIGEST_HOUR },
    },
  }));

export type ServerConfig = z.infer<typeof configSchema>;
export type Synchronous = ServerConfig['synchronous'];
export type NotifyConfig = ServerConfig['notify'];

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}
