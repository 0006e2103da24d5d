import { DateField, type DateFieldProps, useLocale } from 'react-admin';
import { INTL_LOCALES, isLocale } from '../i18n';

/** A date (with time, unless `showTime={false}`) formatted in the interface language. */
export const DateTimeField = (props: DateFieldProps) => {
  const locale = useLocale();
  return <DateField showTime locales={isLocale(locale) ? INTL_LOCALES[locale] : undefined} {...props} />;
};
