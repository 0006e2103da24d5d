import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { requestContextMiddleware } from './core/context/request-context.js';
import { addRequestSchemas } from './core/openapi/request-schemas.js';
import { addResponseSchemas } from './core/openapi/response-schemas.js';
import { NestPinoLogger } from './core/logging/logger.js';
import { requestLogger } from './core/logging/request-logger.js';
import { rejectUnsafeInput } from './core/validation/safe-input.js';

export const API_PREFIX = 'api';
const MAX_BODY = '1mb';

export interface CreateAppOptions extends AppModuleOptions {
  logger: Logger;
}

/**
 * The whole HTTP application, configured but not listening: used by `main.ts` and by the integration
 * tests, so the tests exercise exactly what runs in production.
 */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const { config, logger } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy);
  // API answers carry applicants' identities: no browser or proxy keeps a copy. With nothing cached,
  // an ETag would only cost every answer a hash of its body.
  app.set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.url.startsWith(`/${API_PREFIX}/`)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(requestContextMiddleware);
  app.use(requestLogger(logger.child({ component: 'http' }), (req) => req.url === `/${API_PREFIX}/health`));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // react-admin's styling (emotion) and Swagger UI write inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          // blob: evidence photos, fetched with the bearer token and shown from memory.
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          // Offices often serve AdalDesk over plain HTTP on an intranet address.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['Content-Range', 'X-Total-At-Least', 'X-Request-Id'],
  });
  app.useBodyParser('json', { limit: MAX_BODY });
  app.use(rejectUnsafeInput);
  app.setGlobalPrefix(API_PREFIX);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AdalDesk API')
      .setDescription(
        'Appeals, inspections and referrals of the integrity project offices. Lists follow react-admin simple REST.',
      )
      .setVersion('1')
      .addServer('/', 'The AdalDesk instance serving this document')
      .addBearerAuth()
      .build(),
  );
  document.info.license = { name: 'Proprietary' };
  addRequestSchemas(app, document);
  addResponseSchemas(app, document);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document);

  if (config.adminDistDir && existsSync(join(config.adminDistDir, 'index.html'))) {
    serveAdmin(app, config.adminDistDir);
  }
  return app;
}

/** The built react-admin app at `/`; any other non-API path gets its index.html (client-side routes). */
function serveAdmin(app: NestExpressApplication, dir: string): void {
  app.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX}/`) || req.path === `/${API_PREFIX}`) return next();
    res.sendFile(join(dir, 'index.html'));
  });
}
