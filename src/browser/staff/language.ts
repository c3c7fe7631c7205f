/**
 * The staff member's language. Pages are built in the site's default locale; each element with `data-message`
 * holds the key of its words in src/shared/staff-messages.ts, so the page can switch whole. The choice is stored
 * with the account (PATCH /api/staff/me) and kept in localStorage so the next page starts in it before /me answers.
 */
import { localeSchema, type Locale } from '../../shared/locales.ts';
import { staffMessages, wordsAt, type StaffMessages } from '../../shared/staff-messages.ts';

const KEY = 'helploop:staff-locale';

/** The language to start in: the last one this browser used, else the page's (the site's default). */
export function startingLocale(): Locale {
  const stored = localeSchema.safeParse(localStorage.getItem(KEY));
  return stored.success ? stored.data : localeSchema.parse(document.documentElement.lang);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(KEY, locale);
}

/** Puts the page's static words in `locale`: text from `data-message`, accessible names from `data-message-label`. */
export function translatePage(locale: Locale): StaffMessages {
  const messages = staffMessages[locale];
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll<HTMLElement>('[data-message]')) {
    node.textContent = wordsAt(messages, node.dataset.message!);
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-message-label]')) {
    node.setAttribute('aria-label', wordsAt(messages, node.dataset.messageLabel!));
  }
  // Names the content carries in each language, such as categories'.
  for (const node of document.querySelectorAll<HTMLElement>(`[data-text-${locale}]`))
    node.textContent = node.getAttribute(`data-text-${locale}`);
  for (const node of document.querySelectorAll<HTMLElement>('[data-days]'))
    node.textContent = messages.lastDays(Number(node.dataset.days));
  document.title = `${document.querySelector('h1')?.textContent ?? ''} | ${messages.workspace}`;
  return messages;
}
