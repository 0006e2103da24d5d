import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from './app-error.js';
import { isDatabaseUnavailable } from './http-exception.filter.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const queryFailed = (code: string) => new QueryFailedError('SELECT 1', [], withCode(code));

describe('isDatabaseUnavailable', () => {
  test.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an administrator shutdown (57P01)', queryFailed('57P01')],
    ['a server starting or stopping (57P03)', queryFailed('57P03')],
    ['a connection exception (08006)', queryFailed('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a wrapped cause', new Error('outer', { cause: withCode('ECONNRESET') })],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED')])],
  ])('%s is unavailability', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ['a unique violation', queryFailed('23505')],
    ['a bad value', queryFailed('22P02')],
    ['an application error', new AppError(ErrorCode.Validation, 'Connection terminated')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
