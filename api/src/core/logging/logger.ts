import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout, one line per event; request lines carry the request id. Written
 * asynchronously: a synchronous write per line was a system call on the event loop for every request.
 * Lines still buffered when the process exits are flushed then (pino registers that itself).
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: 'adaldesk-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'], censor: '[hidden]' },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

/** Nest's own messages (startup, routes, errors) through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
