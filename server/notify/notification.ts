/**
 * What Helploop pushes to the teams who act: one notification, made by a trigger (triggers.ts), routed to the
 * destinations whose routes match it, queued in the outbox once per destination, and rendered for each kind of
 * destination (webhook JSON, Slack Block Kit, e-mail). The webhook payload is `{ type, timestamp, data }` of this.
 * Every text here is what the database already holds: comments and queries are the masked forms, and nothing
 * names a visitor. Notifications are stored as JSON in the outbox and parsed back with these schemas.
 */
import { z } from 'zod';
import { localeSchema } from '../../src/shared/locales.ts';
import { SURVEY_KINDS } from '../../src/shared/surveys.ts';

const helpfulness = z.object({
  votes: z.number(),
  helpful: z.number(),
  unhelpful: z.number(),
  helpfulShare: z.number().nullable(),
});

/** An article as a notification names it, with the staff page that shows it. */
const article = z.object({
  id: z.string(),
  title: z.string(),
  locale: localeSchema,
  category: z.string(),
  /** The public page, absolute when site.yaml has `url`, else a path. */
  url: z.string(),
  /** The staff report's page for it. */
  staffUrl: z.string(),
});

const comment = z.object({ comment: z.string(), reason: z.string().nullable(), at: z.string() });
const failedQuery = z.object({
  query: z.string(),
  normalized: z.string(),
  locale: localeSchema,
  visitors: z.number(),
  searches: z.number(),
});
const window = z.object({ from: z.string(), to: z.string() });
const survey = z.object({ id: z.string(), kind: z.enum(SURVEY_KINDS) });
/** A survey's score as the survey report computes it: NPS in points (−100…100), CES and CSAT as the top-box share. */
const surveyScore = z.object({ n: z.number(), score: z.number().nullable() });
/** A number this week and the week before. */
const change = z.object({ now: z.number().nullable(), before: z.number().nullable() });

export const notificationSchemas = {
  /** "No" votes with comments on one article, gathered over the batch window. */
  'feedback.comments': z.object({
    article,
    comments: z.array(comment),
    window,
  }),
  /** Low scores with comments on one survey, gathered over the batch window like "No" comments. */
  'survey.comments': z.object({
    survey,
    answers: z.array(
      z.object({
        score: z.number(),
        comment: z.string(),
        locale: localeSchema,
        /** The article read when it was asked, if any. */
        article: article.nullable(),
        /** The widget's context on a host site, if any. */
        context: z.string().nullable(),
        at: z.string(),
      }),
    ),
    window,
    staffUrl: z.string(),
  }),
  /** An article's unhelpful share crossed the alert level with enough votes in 7 days. */
  'article.unhelpful': z.object({
    article,
    days: z.number(),
    ...helpfulness.shape,
    /** The Wilson lower bound of the unhelpful share, as the report ranks. */
    confidence: z.number(),
    level: z.number(),
  }),
  /** A search found nothing for several distinct visitors within 24 hours. */
  'search.failing': failedQuery.extend({
    hours: z.number(),
    staffUrl: z.string(),
    newArticleCommand: z.string(),
  }),
  /** An article marked fixed is not more helpful since its update. */
  'article.fix-not-working': z.object({
    article,
    fixedAt: z.string(),
    before: helpfulness,
    after: helpfulness,
  }),
  /** The weekly summary. */
  'digest.weekly': z.object({
    period: z.object({ from: z.string(), to: z.string() }),
    unhelpful: z.array(z.object({ article, votes: z.number(), unhelpful: change })),
    failedSearches: z.array(failedQuery.extend({ visitorsBefore: z.number(), staffUrl: z.string() })),
    synonymsWaiting: z.array(z.object({ query: z.string(), article, readers: z.number() })),
    fixes: z.array(z.object({ article, before: helpfulness, after: helpfulness, worked: z.boolean() })),
    /** Each survey site.yaml defines: this week's score against the week before's. */
    surveys: z
      .array(
        survey.extend({
          ...surveyScore.shape,
          marginOfError: z.number().nullable(),
          previous: surveyScore,
          /** This week's score minus the week before's, with its own margin; null unless both weeks have answers. */
          change: z.object({ value: z.number(), marginOfError: z.number() }).nullable(),
        }),
      )
      // Digests queued before surveys were reported still parse.
      .default([]),
    /** The week's largest themes of what readers said (ignored ones never): their names and counts, no member's text. */
    themes: z
      .array(
        z.object({
          id: z.string(),
          label: z.string(),
          count: z.number(),
          previous: z.number(),
          /** (count − previous) / previous; null when the week before had none (a new theme). */
          growth: z.number().nullable(),
          staffUrl: z.string(),
        }),
      )
      // Digests queued before themes were reported still parse.
      .default([]),
    staffUrl: z.string(),
  }),
  /** "Send a test" from the staff page. */
  test: z.object({ destination: z.string(), staffUrl: z.string() }),
};
export type NotificationType = keyof typeof notificationSchemas;
export type NotificationData<T extends NotificationType = NotificationType> = z.infer<(typeof notificationSchemas)[T]>;

/** One notification: its type, when it was made, what routing reads (the content language and category it is
 * about; null for site-wide ones such as the digest or a test), and its data. */
const variant = <T extends NotificationType>(type: T) =>
  z.object({
    type: z.literal(type),
    timestamp: z.string(),
    locale: localeSchema.nullable(),
    category: z.string().nullable(),
    data: notificationSchemas[type],
  });
export const notificationSchema = z.discriminatedUnion('type', [
  variant('feedback.comments'),
  variant('survey.comments'),
  variant('article.unhelpful'),
  variant('search.failing'),
  variant('article.fix-not-working'),
  variant('digest.weekly'),
  variant('test'),
]);
export type Notification = z.infer<typeof notificationSchema>;

/** Where triggers hand what they made: the outbox routes it to destinations and delivers it. */
export interface NotificationSink {
  enqueue(notification: Notification): Promise<void>;
}

export const DESTINATION_KINDS = ['webhook', 'slack', 'email'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** A place notifications go, as the outbox's deliverer and the transports see it. */
export interface Destination {
  id: number;
  kind: DestinationKind;
  name: string;
  /** A webhook's or Slack incoming webhook's URL; for e-mail, the recipients, comma-separated. */
  target: string;
  /** A webhook's signing secret (`whsec_…`); null for the other kinds. Never sent to a browser. */
  secret: string | null;
  /** The language its messages are written in. */
  locale: z.infer<typeof localeSchema>;
  /** Routing: the categories and content languages it wants; empty means all (the default route). */
  categories: string[];
  locales: z.infer<typeof localeSchema>[];
  /** The notification types it wants; a trigger a destination leaves out is off for it. */
  types: NotificationType[];
  enabled: boolean;
}

/** One queued message: its stable id (the `webhook-id`, the same on every retry) and what it carries. */
export interface OutboxMessage {
  id: string;
  notification: Notification;
  /** 1 on the first attempt. */
  attempt: number;
}

/** What one delivery attempt came to; the deliverer decides retries from it. */
export interface DeliveryResult {
  ok: boolean;
  /** The HTTP status, or the SMTP reply code, when there was one. */
  status?: number;
  /** From a `Retry-After` answer. */
  retryAfterSeconds?: number;
  /** The destination says it is gone for good (HTTP 410): it is disabled. */
  gone?: boolean;
  error?: string;
}

/** Sends one message to one destination of its kind; never throws for a failed delivery, it answers it. */
export type Transport = (destination: Destination, message: OutboxMessage) => Promise<DeliveryResult>;
