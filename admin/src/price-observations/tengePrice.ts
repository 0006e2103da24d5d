import { formatTenge } from '../common/formatTenge';

/**
 * A price as people type it: digits, thousands optionally spaced, a decimal point or comma, at most
 * two decimals (`1 250,50`). The API takes it as `1250.50`.
 */
export const TENGE_PRICE_INPUT = /^(?!0+([.,]0{1,2})?$)\d{1,3}([\s\u00a0]?\d{3})*([.,]\d{1,2})?$/;

/** The decimal string the API expects, from what was typed; anything else is left for validation. */
export function tengePriceParse(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const compact = value.trim().replace(/[\s\u00a0]/g, '');
  return /^\d+([.,]\d{1,2})?$/.test(compact) ? compact.replace(',', '.') : value;
}

/**
 * A price or baseline from the API for display: a median's half-tiyn third decimal is kept, a trailing
 * zero one is not ("4000.000" shows as 4 000.00 ₸).
 */
export function formatPrice(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatTenge(value.replace(/(\.\d\d)0$/, '$1'), locale);
}
