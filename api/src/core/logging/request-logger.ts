import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * One log line per request when its response ends: `info`, or `error` from status 500 on, with the
 * request id, method, URL, status, time taken and the signed-in user. Built only when the line is
 * written: pino-http made a child logger per request, serialising every request header, even when its
 * lines were not logged at all, and that cost as much as a small request's own work.
 */
export function requestLogger(logger: Logger, ignore: (req: Request) => boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (logger.isLevelEnabled('error') && !ignore(req)) {
      const started = performance.now();
      res.once('close', () => logRequest(logger, req, res, performance.now() - started));
    }
    next();
  };
}

function logRequest(logger: Logger, req: Request, res: Response, millis: number): void {
  const failed = res.statusCode >= 500;
  const level = failed ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const user = (req as Request & { user?: { id: string } }).user;
  logger[level](
    {
      req: {
        id: (req as Request & { id?: string }).id,
        method: req.method,
        url: req.originalUrl,
        remoteAddress: req.ip,
      },
      res: { statusCode: res.statusCode },
      userId: user?.id,
      responseTime: Math.round(millis),
    },
    !res.writableFinished ? 'request aborted' : failed ? 'request errored' : 'request completed',
  );
}
