/**
 * Tenge from the API's exact decimal string, grouped by thousands; formatted as text so that no amount
 * passes through a floating-point number on its way to the screen.
 */
export function formatTenge(amount: string, locale = 'en'): string {
  const [whole, fraction = '00'] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grouped}${locale === 'en' ? '.' : ','}${fraction.padEnd(2, '0')}\u00a0₸`;
}
