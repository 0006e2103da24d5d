/** Every failure a client can be told about, mapped to its HTTP status in one place. */
export enum ErrorCode {
  Validation = 'VALIDATION',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Unavailable = 'UNAVAILABLE',
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.IllegalTransition]: 422,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
};

/** A problem with one input field, named as the client sent it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static validation(problems: FieldProblem[]): AppError {
    const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new AppError(ErrorCode.Validation, `Invalid input — ${summary}`, problems);
  }

  static notFound(resource: string, id: string): AppError {
    return new AppError(ErrorCode.NotFound, `No ${resource} record with id ${id}`);
  }

  static forbidden(reason: string): AppError {
    return new AppError(ErrorCode.Forbidden, reason);
  }

  /** 422: a step the record's status does not allow, naming the steps that are (`whenNone` if none is). */
  static illegalStep(
    record: string,
    status: string,
    step: string,
    allowed: readonly string[],
    whenNone: string,
  ): AppError {
    return new AppError(
      ErrorCode.IllegalTransition,
      `${record} that is ${status} cannot take the step "${step}"; ` +
        (allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : whenNone),
      { status, allowed },
    );
  }

  static staleVersion(resource: string, id: string, current: number): AppError {
    return new AppError(
      ErrorCode.StaleVersion,
      `The ${resource} record ${id} was changed by someone else (now version ${current}); reload it and try again`,
      { currentVersion: current },
    );
  }
}
