import { INTL_LOCALES, isLocale } from '../i18n';

// Numeric parts: ICU's "medium" date in Kazakh reads "2026 M11 24", which no one writes.
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

/** A moment as text in the interface language, to the minute, on the user's clock. */
export function formatDateTime(value: string | Date, locale: string, options: Intl.DateTimeFormatOptions = DATE_TIME) {
  return new Date(value).toLocaleString(isLocale(locale) ? INTL_LOCALES[locale] : undefined, options);
}
