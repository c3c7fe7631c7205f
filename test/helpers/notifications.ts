import type { DestinationFields } from '../../server/db/notification-storage.ts';
import { notificationSchemas, type Notification, type NotificationType } from '../../server/notify/notification.ts';

export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const ALL_TYPES = Object.keys(notificationSchemas) as NotificationType[];

/** A webhook destination on the default route unless told otherwise. */
export const webhook = (target: string, fields: Partial<DestinationFields> = {}): DestinationFields => ({
  kind: 'webhook',
  name: 'Team',
  target,
  secret: SECRET,
  locale: 'en',
  categories: [],
  locales: [],
  types: ALL_TYPES,
  enabled: true,
  ...fields,
});

/** "No" comments on an article of the category, in the language. */
export const comments = (locale: 'ko' | 'en', category: string, comment = 'The page says 3 days'): Notification => {
  const article = {
    id: `${locale}/${category}/a`,
    title: 'A',
    locale,
    category,
    url: `/${locale}/${category}/a/`,
    staffUrl: '/staff/',
  };
  return {
    type: 'feedback.comments',
    timestamp: '2026-11-20T10:00:00.000Z',
    locale,
    category,
    data: {
      article,
      comments: [{ comment, reason: null, at: '2026-11-20T09:59:00.000Z' }],
      window: { from: 'a', to: 'b' },
    },
  };
};

export const test = (destination = 'Team'): Notification => ({
  type: 'test',
  timestamp: '2026-11-20T10:00:00.000Z',
  locale: null,
  category: null,
  data: { destination, staffUrl: '/staff/' },
});
