import { DateField, type DateFieldProps, useLocale } from 'react-admin';
import { INTL_LOCALES, isLocale } from '../i18n';

/** A day as the agency's papers date it (`YYYY-MM-DD`): shown as that day, whatever the user's clock. */
export const CivilDateField = (props: DateFieldProps) => {
  const locale = useLocale();
  return (
    <DateField
      locales={isLocale(locale) ? INTL_LOCALES[locale] : undefined}
      options={{ timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }}
      {...props}
    />
  );
};
