import { isTokenExpired } from './session';

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (payload: object) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.signature`;

describe('isTokenExpired', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);

  it('accepts a token before its expiry', () => {
    expect(isTokenExpired(token({ sub: 'u1', exp: now / 1000 + 60 }), now)).toBe(false);
  });

  it('refuses a token at or after its expiry', () => {
    expect(isTokenExpired(token({ sub: 'u1', exp: now / 1000 }), now)).toBe(true);
  });

  it('leaves a token without expiry to the server', () => {
    expect(isTokenExpired(token({ sub: 'u1' }), now)).toBe(false);
  });

  it('refuses what is not a JWT', () => {
    expect(isTokenExpired('not-a-token', now)).toBe(true);
  });
});
