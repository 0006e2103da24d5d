/**
 * Kazakhstan's individual (IIN) and business (BIN) identification numbers: 12 digits, the last a
 * mod-11 check digit. An IIN starts with the birth date (YYMMDD) and its 7th digit gives century
 * and sex; a BIN starts with the registration year and month and its 5th digit the kind of entity.
 */

export type Sex = 'male' | 'female';

export type IinParseResult = { valid: true; birthDate: string; sex: Sex } | { valid: false; reason: string };

export type BinParseResult =
  { valid: true; registeredYearMonth: string; entityType: BinEntityType } | { valid: false; reason: string };

export type BinEntityType = 'resident_legal_entity' | 'non_resident_legal_entity' | 'sole_proprietor_joint';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const CENTURY_AND_SEX: Record<string, { century: number; sex: Sex }> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

const BIN_ENTITY_TYPES: Record<string, BinEntityType> = {
  '4': 'resident_legal_entity',
  '5': 'non_resident_legal_entity',
  '6': 'sole_proprietor_joint',
};

/** The check digit for the first 11 digits, or null when both passes give 10 (no valid number). */
export function checkDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function checkShapeAndDigit(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return 'must be exactly 12 digits';
  const expected = checkDigit(value.slice(0, 11));
  if (expected === null) return 'has no valid check digit';
  if (expected !== Number(value[11])) return 'check digit does not match';
  return null;
}

export function parseIin(value: string): IinParseResult {
  const shapeError = checkShapeAndDigit(value);
  if (shapeError) return { valid: false, reason: shapeError };
  const centuryAndSex = CENTURY_AND_SEX[value[6]];
  if (!centuryAndSex) return { valid: false, reason: '7th digit must be 1-6 (century and sex)' };
  const year = centuryAndSex.century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { valid: false, reason: 'first 6 digits are not a valid birth date' };
  }
  const birthDate = `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return { valid: true, birthDate, sex: centuryAndSex.sex };
}

export function parseBin(value: string): BinParseResult {
  const shapeError = checkShapeAndDigit(value);
  if (shapeError) return { valid: false, reason: shapeError };
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return { valid: false, reason: 'digits 3-4 must be a registration month' };
  const entityType = BIN_ENTITY_TYPES[value[4]];
  if (!entityType) return { valid: false, reason: '5th digit must be 4, 5 or 6 (kind of entity)' };
  return { valid: true, registeredYearMonth: `${value.slice(0, 2)}-${value.slice(2, 4)}`, entityType };
}

export const isValidIin = (value: string): boolean => parseIin(value).valid;
export const isValidBin = (value: string): boolean => parseBin(value).valid;

/** Completes 11 digits with their check digit; used by demo data and tests to make valid numbers. */
export function withCheckDigit(first11: string): string | null {
  const digit = checkDigit(first11);
  return digit === null ? null : first11 + digit;
}
