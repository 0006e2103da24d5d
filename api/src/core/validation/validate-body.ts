import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AppError, type FieldProblem } from '../errors/app-error.js';
import { unsafeInputProblem } from './safe-input.js';

/**
 * Checks a request body against a DTO class: wrong types, missing or unknown fields all come back as
 * one 400 naming every field at fault.
 */
export async function validateBody<T extends object>(dtoClass: ClassConstructor<T>, body: unknown): Promise<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw AppError.validation([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  // HTTP bodies were checked on arrival; a body from elsewhere (an import row) gets the same check,
  // as class-transformer recurses without a bound and reads `constructor` off nested values.
  const unsafe = unsafeInputProblem(body, '');
  if (unsafe) throw AppError.validation([unsafe]);
  const instance = plainToInstance(dtoClass, body, { enableImplicitConversion: false });
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw AppError.validation(flatten(errors));
  return instance;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ /, '').replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
