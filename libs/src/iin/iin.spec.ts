import { checkDigit, isValidBin, isValidIin, parseBin, parseIin, withCheckDigit } from './iin.js';

describe('IIN', () => {
  it('accepts a valid IIN and reads birth date and sex from it', () => {
    expect(parseIin('880214300124')).toEqual({ valid: true, birthDate: '1988-02-14', sex: 'male' });
    expect(parseIin('950101500128')).toEqual({ valid: true, birthDate: '2095-01-01', sex: 'male' });
    expect(parseIin('010101600129')).toEqual({ valid: true, birthDate: '2001-01-01', sex: 'female' });
  });

  it('rejects a wrong check digit', () => {
    expect(parseIin('880214300125')).toEqual({ valid: false, reason: 'check digit does not match' });
  });

  it('rejects anything but 12 digits', () => {
    for (const bad of ['', '88021430012', '8802143001245', '88021430012a', ' 880214300124']) {
      expect(isValidIin(bad)).toBe(false);
    }
  });

  it('rejects an impossible birth date even with a correct check digit', () => {
    const feb30 = withCheckDigit('88023030012');
    expect(feb30).not.toBeNull();
    expect(parseIin(feb30!)).toEqual({ valid: false, reason: 'first 6 digits are not a valid birth date' });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(isValidIin(withCheckDigit('00022950012')!)).toBe(true);
    const nonLeap = withCheckDigit('01022950012');
    expect(nonLeap && isValidIin(nonLeap)).toBe(false);
  });

  it('rejects a century digit outside 1-6', () => {
    const digit0 = withCheckDigit('88021400012');
    expect(digit0 && parseIin(digit0)).toEqual({ valid: false, reason: '7th digit must be 1-6 (century and sex)' });
  });

  it('uses the second weights when the first pass gives 10', () => {
    // 88021430060: the first pass gives 10 mod 11, the second gives 8.
    const digits = [...'88021430060'].map(Number);
    expect(digits.reduce((s, d, i) => s + d * (i + 1), 0) % 11).toBe(10);
    expect(checkDigit('88021430060')).toBe(8);
    expect(isValidIin('880214300608')).toBe(true);
  });

  it('has no valid number when both passes give 10', () => {
    let found: string | null = null;
    for (let n = 0; n < 100000 && !found; n++) {
      const candidate = `880214${String(n).padStart(5, '0')}`;
      if (checkDigit(candidate) === null) found = candidate;
    }
    expect(found).not.toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${found}${d}`)).toBe(false);
  });
});

describe('BIN', () => {
  it('accepts a valid BIN and reads its registration month and entity type', () => {
    expect(parseBin(withCheckDigit('23054000001')!)).toEqual({
      valid: true,
      registeredYearMonth: '23-05',
      entityType: 'resident_legal_entity',
    });
  });

  it('rejects a bad month, a bad entity type and a bad check digit', () => {
    expect(parseBin(withCheckDigit('23134000001')!)).toMatchObject({ valid: false });
    expect(parseBin(withCheckDigit('23059000001')!)).toMatchObject({ valid: false });
    const valid = withCheckDigit('23054000001')!;
    expect(isValidBin(valid.slice(0, 11) + ((Number(valid[11]) + 1) % 10))).toBe(false);
  });
});
