import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../core/auth/decorators.js';
import { QueueService } from '../core/queue/queue.service.js';
import { withTimeout } from '../core/with-timeout.js';
import { schema } from '../core/openapi/schema.js';

/** Each dependency gets this long, checked side by side, so the answer always comes within a second. */
const CHECK_TIMEOUT_MS = 900;

type Check = ({ status: 'up' } | { status: 'down'; error: string }) & { backend?: string };

const HEALTH_SCHEMA = schema.object({
  status: schema.enum(['up', 'down']),
  checks: schema.map(
    schema.object(
      { status: schema.enum(['up', 'down']), error: schema.string(), backend: schema.enum(['redis', 'postgres']) },
      ['error', 'backend'],
    ),
  ),
});

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
  @ApiOperation({ summary: 'Whether the API, its database and its queue answer' })
  @ApiOkResponse({ description: 'Every dependency answers', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer', schema: HEALTH_SCHEMA })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, queue] = await Promise.all([
      this.check('The database', () => this.dataSource.query('SELECT 1')),
      this.check('The queue', () => this.queue.ping()),
    ]);
    const checks: Record<string, Check> = { database, queue: { ...queue, backend: this.queue.backend } };
    const up = Object.values(checks).every((check) => check.status === 'up');
    response.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }

  private async check(what: string, probe: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(probe(), CHECK_TIMEOUT_MS, what);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
  }
}
