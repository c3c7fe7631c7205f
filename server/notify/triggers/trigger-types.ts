import { notificationSchemas, type NotificationType } from '../notification.ts';

/** The notifications a trigger makes: every type but the staff page's "Send a test". */
export type TriggerType = Exclude<NotificationType, 'test'>;
export const TRIGGER_TYPES = (Object.keys(notificationSchemas) as NotificationType[]).filter(
  (type): type is TriggerType => type !== 'test',
);
