import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/** The interface languages, each named in itself, in the order the language menu lists them. */
export const LOCALES = [
  { locale: 'kk', name: 'Қазақша' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'en', name: 'English' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['locale'];

export const MESSAGES = { kk, ru, en };

export const DEFAULT_LOCALE: LocaleCode = 'kk';

/** The `Intl` locale that formats dates and numbers for each interface language. */
export const INTL_LOCALES: Record<LocaleCode, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export const isLocale = (value: unknown): value is LocaleCode => LOCALES.some(({ locale }) => locale === value);
