/**
 * What every signed-in staff page does first: shows its words in the staff member's language, checks the session,
 * and wires the language choice and logging out. A page draws its data only after this answers.
 */
import type { Locale } from '../../shared/locales.ts';
import type { StaffMessages } from '../../shared/staff-messages.ts';
import { rememberLocale, startingLocale, translatePage } from './language.ts';
import { logOut, me, saveLocale, toLogin } from './session.ts';
import type { Me } from '../../../server/staff/auth.ts';

export interface StaffPage {
  locale: Locale;
  messages: StaffMessages;
  role: Me['role'];
}

/** Switching language reloads the page, which then starts in the new one: every word drawn is in one language. */
function wireLanguage(current: Locale, save: (locale: Locale) => Promise<unknown>) {
  const select = document.getElementById('staff-language') as HTMLSelectElement;
  select.value = current;
  select.addEventListener('change', async () => {
    const locale = select.value as Locale;
    await save(locale);
    rememberLocale(locale);
    location.reload();
  });
}

/** For the login page: the language is this browser's choice until someone signs in. */
export function startLoginPage(): Omit<StaffPage, 'role'> {
  const locale = startingLocale();
  wireLanguage(locale, async () => {});
  return { locale, messages: translatePage(locale) };
}

export async function startStaffPage(): Promise<StaffPage> {
  let locale = startingLocale();
  translatePage(locale);
  const account = await me();
  if (!account) {
    toLogin();
    return new Promise(() => {}); // the page is leaving
  }
  if (account.locale !== locale) rememberLocale((locale = account.locale));
  wireLanguage(locale, saveLocale);
  document.getElementById('staff-logout')!.addEventListener('click', () => void logOut());
  if (account.role === 'admin')
    for (const node of document.querySelectorAll<HTMLElement>('[data-admin-only]')) node.hidden = false;
  return { locale, messages: translatePage(locale), role: account.role };
}
