import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** Makes the application's one clock injectable everywhere as `Clock`. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
