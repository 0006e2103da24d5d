import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors/app-error.js';
import { translateDatabaseError } from './crud.service.js';

const failure = (driverError: Record<string, string>) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('failed'), driverError));

describe('translateDatabaseError', () => {
  it('makes an overlap refused by an exclusion constraint a 409 naming the first key column', () => {
    const error = translateDatabaseError(
      failure({
        code: '23P01',
        detail: 'Key (product_id, region_id, daterange(valid_from, valid_to))=(…) conflicts with existing key (…).',
      }),
      'price-baselines',
    ) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.details).toEqual([{ field: 'productId', message: 'overlaps another record' }]);
    expect(error.message).toBe('This price-baselines record overlaps another one');
  });

  it('still names the field of a unique violation and leaves other errors alone', () => {
    const unique = translateDatabaseError(
      failure({ code: '23505', detail: 'Key (number)=(AP-2026-000001) already exists.' }),
      'appeals',
    ) as AppError;
    expect(unique.details).toEqual([{ field: 'number', message: 'is already taken' }]);
    const other = new Error('connection lost');
    expect(translateDatabaseError(other, 'appeals')).toBe(other);
  });

  it.each(['22007', '22008', '22003', '22P02', '22001'])(
    'makes data exception %s (a value out of range or of the wrong form) a 400 naming the column',
    (code) => {
      const error = translateDatabaseError(failure({ code, column: 'received_on' }), 'appeals') as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe(AppError.validation([]).code);
      expect(error.details).toEqual([{ field: 'receivedOn', message: 'has a value the database does not accept' }]);
    },
  );

  it('leaves a query error that is not about the value (a deadlock, a syntax error) a server error', () => {
    for (const code of ['40P01', '42601']) {
      const error = failure({ code });
      expect(translateDatabaseError(error, 'appeals')).toBe(error);
    }
  });
});
