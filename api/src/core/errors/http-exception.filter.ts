import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, HTTP_STATUS } from './app-error.js';

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** How long a client is asked to wait when the database cannot be reached. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Node's socket errors when PostgreSQL cannot be reached at all. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not taking work: admin shutdown, crash shutdown,
 * cannot connect now (starting up, shutting down), too many connections, and every connection
 * exception (class 08).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres reports a lost or never-made connection in words, without a code. */
const CONNECTION_LOST_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * Whether `exception` (or what it wraps: TypeORM's `driverError`, a `cause`) says the database could
 * not be reached, rather than that it refused the request: the client did nothing wrong, and the same
 * request may well succeed shortly.
 */
export function isDatabaseUnavailable(exception: unknown, depth = 0): boolean {
  if (depth > 5 || exception === null || typeof exception !== 'object') return false;
  const { code, message, driverError, cause } = exception as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return true;
    }
  }
  if (!(exception instanceof HttpException) && !(exception instanceof AppError) && typeof message === 'string') {
    if (CONNECTION_LOST_MESSAGES.test(message)) return true;
  }
  if (
    exception instanceof AggregateError &&
    exception.errors.some((error) => isDatabaseUnavailable(error, depth + 1))
  ) {
    return true;
  }
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** Gives every error the same `{statusCode, error, message, details}` shape; never leaks internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (body.statusCode === 429 && exception instanceof AppError) {
      const retryAfter = (exception.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
    }
    if (body.statusCode === 503 && !response.headersSent) {
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        error: REASON_PHRASES[503],
        message: 'The database is unavailable; try again shortly',
      };
    }
    if (exception instanceof AppError) {
      const statusCode = HTTP_STATUS[exception.code];
      return { statusCode, error: REASON_PHRASES[statusCode], message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray((raw as { message?: unknown }).message)
            ? (raw as { message: string[] }).message.join('; ')
            : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: REASON_PHRASES[statusCode] ?? 'Error', message };
    }
    // body-parser and friends: broken JSON, too large a body, a wrong content type.
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'The request body is too large'
            : (exception as Error).message;
      return { statusCode: status, error: REASON_PHRASES[status] ?? 'Bad Request', message };
    }
    return { statusCode: 500, error: REASON_PHRASES[500], message: 'Internal server error' };
  }
}
