import { ERROR_MESSAGE_KEYS, fieldErrorsFrom, toReactAdminError } from './apiErrors';

describe('fieldErrorsFrom', () => {
  it('reads the API list of field problems', () => {
    expect(
      fieldErrorsFrom([
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'role', message: 'must be one of officer, inspector' },
      ]),
    ).toEqual({ email: 'must be an e-mail address', role: 'must be one of officer, inspector' });
  });

  it('joins several problems with the same field', () => {
    expect(
      fieldErrorsFrom([
        { field: 'password', message: 'is too short' },
        { field: 'password', message: 'must contain digits' },
      ]),
    ).toEqual({ password: 'is too short; must contain digits' });
  });

  it('reads an object of messages, single or several', () => {
    expect(fieldErrorsFrom({ bin: 'check digit does not match', name: ['is too short', 'is required'] })).toEqual({
      bin: 'check digit does not match',
      name: 'is too short; is required',
    });
  });

  it('nests dotted fields as react-hook-form expects', () => {
    expect(fieldErrorsFrom([{ field: 'address.city', message: 'is required' }])).toEqual({
      address: { city: 'is required' },
    });
  });

  it('ignores what is not a field problem', () => {
    expect(fieldErrorsFrom({ currentVersion: 3 })).toEqual({});
    expect(fieldErrorsFrom([null, 'text', { field: '', message: 'x' }, { field: 'name' }])).toEqual({});
    expect(fieldErrorsFrom(undefined)).toEqual({});
    expect(fieldErrorsFrom('Invalid input')).toEqual({});
  });
});

describe('toReactAdminError', () => {
  const apiError = (status: number, details?: unknown, message = 'API says no') => ({
    status,
    message,
    body: { statusCode: status, error: 'Error', message, details },
  });

  it('turns a 400 naming fields into form errors', () => {
    const error = toReactAdminError(apiError(400, [{ field: 'email', message: 'must be an e-mail address' }]));
    expect(error.status).toBe(400);
    expect(error.message).toBe(ERROR_MESSAGE_KEYS.invalidForm);
    expect(error.body.errors).toEqual({ email: 'must be an e-mail address' });
    expect(error.body.details).toEqual([{ field: 'email', message: 'must be an e-mail address' }]);
  });

  it('shows the API message for a 400 without fields', () => {
    const error = toReactAdminError(apiError(400, undefined, 'filter.year is not a filter of calendar-days'));
    expect(error.message).toBe('filter.year is not a filter of calendar-days');
    expect(error.body.errors).toBeUndefined();
  });

  it('explains a stale version in the user language', () => {
    expect(toReactAdminError(apiError(409, { currentVersion: 4 })).message).toBe(ERROR_MESSAGE_KEYS.staleVersion);
  });

  it('puts a conflict on a field next to that field', () => {
    const error = toReactAdminError(apiError(409, [{ field: 'email', message: 'is already used' }]));
    expect(error.body.errors).toEqual({ email: 'is already used' });
  });

  it.each([
    [401, ERROR_MESSAGE_KEYS.signInAgain],
    [403, ERROR_MESSAGE_KEYS.forbidden],
    [404, ERROR_MESSAGE_KEYS.notFound],
    [429, ERROR_MESSAGE_KEYS.tooManyRequests],
    [500, ERROR_MESSAGE_KEYS.server],
    [503, ERROR_MESSAGE_KEYS.server],
  ])('answers %i with %s and keeps the status', (status, message) => {
    const error = toReactAdminError(apiError(status));
    expect(error).toMatchObject({ status, message });
  });

  it('treats a failure without a response as a server communication error', () => {
    expect(toReactAdminError({ message: 'Failed to fetch' })).toEqual({
      status: 0,
      message: ERROR_MESSAGE_KEYS.server,
      body: {},
    });
  });
});
