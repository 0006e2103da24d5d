import { formatPrice, TENGE_PRICE_INPUT, tengePriceParse } from './tengePrice';

describe('prices as typed', () => {
  it.each(['489', '489,90', '489.9', '1 250,50', '1250.50', '0.01'])('accepts %s', (typed) => {
    expect(TENGE_PRICE_INPUT.test(typed)).toBe(true);
  });

  it.each(['0', '0,00', '-3', '12,5.0', '1.234', 'abc', '12 34'])('refuses %s', (typed) => {
    expect(TENGE_PRICE_INPUT.test(typed)).toBe(false);
  });

  it('sends the API a plain decimal string', () => {
    expect(tengePriceParse('1 250,50')).toBe('1250.50');
    expect(tengePriceParse('489')).toBe('489');
    expect(tengePriceParse('')).toBeNull();
    expect(tengePriceParse('12,5.0')).toBe('12,5.0');
  });

  it('shows exact decimals grouped by thousands, with at least two decimals', () => {
    expect(formatPrice('1250.50', 'en')).toBe('1\u00a0250.50\u00a0₸');
    expect(formatPrice('200.005', 'ru')).toBe('200,005\u00a0₸');
    expect(formatPrice('4000.000', 'en')).toBe('4\u00a0000.00\u00a0₸');
    expect(formatPrice(null, 'ru')).toBe('—');
  });
});
