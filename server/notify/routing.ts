import type { NotificationStorage, StoredDestination } from '../db/notification-storage.ts';
import type { Destination, Notification, NotificationSink } from './notification.ts';

/**
 * Whether the destination wants the notification: its type, and its category and language where the notification
 * has them. An empty list wants everything (the default route); a site-wide notification (the digest, a test) has
 * neither, so every destination that wants its type gets it.
 */
export function routes(destination: Pick<Destination, 'types' | 'categories' | 'locales'>, notification: Notification) {
  const matches = <T>(wanted: T[], value: T | null) => value === null || !wanted.length || wanted.includes(value);
  return (
    destination.types.includes(notification.type) &&
    matches(destination.categories, notification.category) &&
    matches(destination.locales, notification.locale)
  );
}

/** Where triggers hand notifications: queued in the outbox for each enabled destination whose route matches. */
export function createNotificationSink(
  notifications: Pick<NotificationStorage, 'enqueue'>,
  clock: () => Date,
): NotificationSink {
  return {
    enqueue: async (notification) => {
      await notifications.enqueue(
        notification,
        (destination: StoredDestination) => routes(destination, notification),
        clock().toISOString(),
      );
    },
  };
}
