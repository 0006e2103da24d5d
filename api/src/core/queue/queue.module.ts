import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { QueueService, type QueueOptions } from './queue.service.js';

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        {
          provide: QueueService,
          useFactory: (clock: Clock) => new QueueService({ ...options, clock }),
          inject: [Clock],
        },
      ],
      exports: [QueueService],
    };
  }
}
