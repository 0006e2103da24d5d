import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppealsModule } from './appeals/appeals.module.js';
import { AuditEventsModule } from './audit/audit-events.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuditModule } from './core/audit/audit.module.js';
import { AuthGuard } from './core/auth/auth.guard.js';
import { SignedInUsersModule } from './core/auth/signed-in-users.module.js';
import type { AppConfig } from './core/config/app-config.js';
import { Clock, SystemClock } from './core/clock/clock.js';
import { ClockModule } from './core/clock/clock.module.js';
import { ConfigModule } from './core/config/config.module.js';
import { dataSourceOptions } from './core/database/data-source.js';
import { HttpExceptionFilter } from './core/errors/http-exception.filter.js';
import { QueueModule } from './core/queue/queue.module.js';
import { HealthController } from './health/health.controller.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { StatsModule } from './stats/stats.module.js';
import { UsersModule } from './users/users.module.js';
import { PricesModule } from './prices/prices.module.js';
import { InspectionsModule } from './inspections/inspections.module.js';
import { FindingsModule } from './findings/findings.module.js';
import { CorrectiveActionsModule } from './corrective-actions/corrective-actions.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
  /** Keeps test runs apart on a shared Redis. */
  redisPrefix?: string;
  /** Keeps test apps apart on a shared database. */
  queueName?: string;
  /** The present; the machine's time unless a test pins it. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, jwtSecret, redisPrefix, queueName, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock ?? new SystemClock()),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AuditModule,
        SignedInUsersModule,
        QueueModule.forRoot({ redisUrl: config.redisUrl, databaseUrl, redisPrefix, queueName }),
        AuthModule.forRoot({ jwtSecret, jwtTtlSeconds: config.jwtTtlSeconds }),
        UsersModule,
        ReferenceModule,
        AuditEventsModule,
        NotificationsModule,
        AppealsModule,
        ReferralsModule,
        StatsModule,
        PricesModule,
        InspectionsModule,
        FindingsModule,
        CorrectiveActionsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
