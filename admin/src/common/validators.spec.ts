import { checkPasswordStrength, withCheckDigit } from '@adaldesk/libs';
import { en } from '../i18n/en';
import { notInFuture, strongPassword, validBin, validIin } from './validators';

const messageExists = (key: string) =>
  typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) === 'string';
const keyOf = (result: ReturnType<typeof strongPassword>) => (typeof result === 'string' ? result : result?.message);

describe('strongPassword', () => {
  it('accepts a strong password and leaves an empty one to `required`', () => {
    expect(strongPassword('Tulpar-2026-kz', { email: 'a.serikova@adaldesk.kz' })).toBeUndefined();
    expect(strongPassword('', {})).toBeUndefined();
    expect(strongPassword(undefined, {})).toBeUndefined();
  });

  // Each weak password makes libs give a different reason; every reason has its own translated message.
  it.each([
    ['short1', '', 'app.validation.password_too_short'],
    [`${'ab1'.repeat(67)}x`, '', 'app.validation.password_too_long'],
    ['onlyletterslong', '', 'app.validation.password_letters_and_digits'],
    ['ab12ab12ab12ab12', '', 'app.validation.password_repetitive'],
    ['serikova-2026-x', 'serikova@adaldesk.kz', 'app.validation.password_contains_email'],
  ])('explains why %s is weak', (password, email, key) => {
    expect(checkPasswordStrength(password, email)).not.toBeNull();
    expect(keyOf(strongPassword(password, { email }))).toBe(key);
    expect(messageExists(key)).toBe(true);
  });

  it('passes the minimum length to the message', () => {
    expect(strongPassword('short1', {})).toEqual({ message: 'app.validation.password_too_short', args: { min: 10 } });
  });
});

describe('validBin', () => {
  const bin = ['05014000012', '05014000013', '05014000014'].map(withCheckDigit).find((value) => value !== null)!;

  it('accepts a valid BIN and an empty value', () => {
    expect(validBin(bin)).toBeUndefined();
    expect(validBin(null)).toBeUndefined();
    expect(validBin('')).toBeUndefined();
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    const wrongDigit = bin.slice(0, 11) + ((Number(bin[11]) + 1) % 10);
    expect(validBin(wrongDigit)).toBe('app.validation.bin');
    expect(validBin('12345')).toBe('app.validation.bin');
    expect(validBin('05014000012a')).toBe('app.validation.bin');
    expect(messageExists('app.validation.bin')).toBe(true);
  });
});

describe('validIin', () => {
  // Born 15 March 1990, a man (7th digit 3: 20th century, male).
  const iin = ['90031530000', '90031530001', '90031530002'].map(withCheckDigit).find((value) => value !== null)!;

  it('accepts a valid IIN and an empty value', () => {
    expect(validIin(iin)).toBeUndefined();
    expect(validIin(undefined)).toBeUndefined();
    expect(validIin('')).toBeUndefined();
  });

  it('refuses a wrong check digit, an impossible birth date and a wrong length', () => {
    const wrongDigit = iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10);
    expect(validIin(wrongDigit)).toBe('app.validation.iin');
    const february30 = withCheckDigit('90023030000') ?? withCheckDigit('90023030001')!;
    expect(validIin(february30)).toBe('app.validation.iin');
    expect(validIin('9003153')).toBe('app.validation.iin');
    expect(messageExists('app.validation.iin')).toBe(true);
  });
});

describe('notInFuture', () => {
  it('accepts a past moment and an empty value', () => {
    expect(notInFuture(new Date(Date.now() - 60_000).toISOString())).toBeUndefined();
    expect(notInFuture(null)).toBeUndefined();
  });

  it('refuses a moment yet to come', () => {
    expect(notInFuture(new Date(Date.now() + 3_600_000).toISOString())).toBe('app.validation.not_in_future');
    expect(messageExists('app.validation.not_in_future')).toBe(true);
  });
});
