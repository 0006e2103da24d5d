import { type DynamicModule, Global, Module } from '@nestjs/common';
import { QueueService, type QueueOptions } from './queue.service.js';

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      providers: [{ provide: QueueService, useFactory: () => new QueueService(options) }],
      exports: [QueueService],
    };
  }
}
