import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { AppealStatsService } from './appeal-stats.service.js';
import { FindingStatsService } from './finding-stats.service.js';
import { ReferralFunnelService } from './referral-funnel.service.js';
import { REPORT_LANGUAGES } from './report/report-labels.js';
import { renderStatsReport } from './report/stats-report.renderer.js';
import { StatsReportService } from './report/stats-report.service.js';
import {
  BREAKDOWN_SCHEMA,
  FINDING_STATS_SCHEMA,
  OVERVIEW_SCHEMA,
  REFERRAL_FUNNEL_SCHEMA,
  TREND_SCHEMA,
} from './stats.schemas.js';

/** `/api/stats/...`: aggregates computed in the database under the caller's permission scope. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    @Inject(ReferralFunnelService) private readonly referralFunnel: ReferralFunnelService,
    @Inject(AppealStatsService) private readonly appealStats: AppealStatsService,
    @Inject(FindingStatsService) private readonly findingStats: FindingStatsService,
    @Inject(StatsReportService) private readonly reports: StatsReportService,
  ) {}

  /** `GET /api/stats/referral-funnel?from=&to=&regionId=&agency=` */
  @Get('referral-funnel')
  @ApiOperation({ summary: 'The referral funnel of a period' })
  @ApiOkResponse({ schema: REFERRAL_FUNNEL_SCHEMA })
  funnel(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.referralFunnel.funnel(user, query);
  }

  /** `GET /api/stats/overview?from=&to=&regionId=`: the period's decisions, and open appeals now. */
  @Get('overview')
  @ApiOperation({ summary: 'A period’s decisions, and the appeals open now' })
  @ApiOkResponse({ schema: OVERVIEW_SCHEMA })
  overview(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.appealStats.overview(user, query);
  }

  /** `GET /api/stats/breakdown?dimension=region|category|organisation|channel|assignee|month&from=&to=&regionId=` */
  @Get('breakdown')
  @ApiOperation({ summary: 'A period’s figures by region, category, organisation, channel, assignee or month' })
  @ApiOkResponse({ schema: BREAKDOWN_SCHEMA })
  breakdown(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.appealStats.breakdown(user, query);
  }

  /** `GET /api/stats/trend?from=&to=&regionId=`: the period month by month. */
  @Get('trend')
  @ApiOperation({ summary: 'A period’s figures month by month' })
  @ApiOkResponse({ schema: TREND_SCHEMA })
  trend(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.appealStats.trend(user, query);
  }

  /** `GET /api/stats/findings?from=&to=&regionId=`: findings logged in the period, counted and summed by kind. */
  @Get('findings')
  @ApiOperation({ summary: 'Findings logged in a period, by kind' })
  @ApiOkResponse({ schema: FINDING_STATS_SCHEMA })
  findings(@CurrentUser() user: AuthenticatedUser, @Query() query: Record<string, unknown>) {
    return this.findingStats.byKind(user, query);
  }

  /**
   * `GET /api/stats/report?from=&to=&regionId=&lang=en|kk|ru`: the period's figures as a printable
   * PDF for the head of office, the same figures the dashboard shows.
   */
  @Get('report')
  @ApiOperation({ summary: 'The period’s figures as a printable PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The report, an attachment',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({ name: 'from', required: false, type: String, format: 'date', description: 'included' })
  @ApiQuery({ name: 'to', required: false, type: String, format: 'date', description: 'included' })
  @ApiQuery({ name: 'regionId', required: false, type: String, format: 'uuid' })
  @ApiQuery({ name: 'lang', required: false, enum: REPORT_LANGUAGES })
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.reports.gather(user, query);
    // Drawn before any header is set, so a failure is still an ordinary error answer.
    const pdf = renderStatsReport(report);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="adaldesk-report-${report.from}-${report.to}.pdf"`);
    response.setHeader('Cache-Control', 'private, no-store');
    await pipeline(pdf, response);
  }
}
