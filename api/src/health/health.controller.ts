import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../core/auth/decorators.js';
import { QueueService } from '../core/queue/queue.service.js';

type Check = ({ status: 'up' } | { status: 'down'; error: string }) & { backend?: string };

/** For load balancers and people: 200 when every dependency answers, 503 naming the one that does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const checks: Record<string, Check> = {
      database: await this.check(() => this.dataSource.query('SELECT 1')),
      queue: { ...(await this.check(() => this.queue.ping())), backend: this.queue.backend },
    };
    const up = Object.values(checks).every((check) => check.status === 'up');
    response.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await probe();
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
  }
}
