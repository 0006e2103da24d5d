import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { DEFAULT_LOCALE, isLocale, LOCALES, type LocaleCode, MESSAGES } from '../i18n';

// Kept apart from react-admin's store, which is emptied at logout: the login page keeps the language.
const LOCALE_KEY = 'adaldesk.locale';

/** The language chosen before; else the browser's, when we have it; else Kazakh, the state language. */
function initialLocale(): LocaleCode {
  const stored = localStorage.getItem(LOCALE_KEY);
  if (isLocale(stored)) return stored;
  const browser = navigator.languages?.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLocale);
  return browser ?? DEFAULT_LOCALE;
}

function showLocale(locale: string): void {
  document.documentElement.lang = locale;
}

const locale = initialLocale();
showLocale(locale);

const polyglotProvider = polyglotI18nProvider(
  (requested) => MESSAGES[isLocale(requested) ? requested : DEFAULT_LOCALE],
  locale,
  [...LOCALES],
);

export const i18nProvider: I18nProvider = {
  ...polyglotProvider,
  async changeLocale(newLocale: string) {
    await polyglotProvider.changeLocale(newLocale);
    localStorage.setItem(LOCALE_KEY, newLocale);
    showLocale(newLocale);
  },
};
