import { Body, Controller, HttpCode, Inject, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BASELINE_SOURCES } from '@adaldesk/libs';
import { schema } from '../../core/openapi/schema.js';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import { CurrentUser } from '../../core/auth/decorators.js';
import { WorkflowController } from '../../core/crud/crud.controller.js';
import { PRICE_CSV_MAX_BYTES } from './price-csv.js';
import { PriceObservationsService, type UploadedCsv } from './price-observations.service.js';
import { MultipartBody } from '../../core/openapi/request-schemas.js';

const decimal = () => schema.string({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });
const IMPORT_REPORT_SCHEMA = schema.object({
  dryRun: schema.boolean(),
  rows: schema.integer({ minimum: 0 }),
  saved: schema.integer({ minimum: 0 }),
  rejected: schema.integer({ minimum: 0 }),
  flagged: schema.integer({ minimum: 0 }),
  ignoredColumns: schema.array(schema.string()),
  observations: schema.array(
    schema.object({
      row: schema.integer({ minimum: 1 }),
      id: schema.nullable(schema.uuid()),
      product: schema.string(),
      price: decimal(),
      observedOn: schema.date(),
      baselinePrice: schema.nullable(decimal()),
      baselineSource: schema.enum(BASELINE_SOURCES),
      risePercent: schema.nullable(decimal()),
      flagged: schema.boolean(),
    }),
  ),
  errors: schema.array(
    schema.object({
      row: schema.integer({ minimum: 0 }),
      field: schema.string(),
      value: schema.nullable(schema.string()),
      reason: schema.string(),
    }),
  ),
});

/** `/api/price-observations`: the react-admin routes, the CSV import of a day's prices, and open-finding. */
@ApiTags('price-observations')
@Controller('price-observations')
export class PriceObservationsController extends WorkflowController {
  constructor(@Inject(PriceObservationsService) readonly service: PriceObservationsService) {
    super();
  }

  /** Multipart: `file` (the CSV), optional `inspectionId` and `dryRun`. Answers the per-row report. */
  @Post('import')
  @ApiOperation({ summary: 'Import a day’s prices from CSV' })
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @MultipartBody({
    inspectionId: 'the inspection the prices were observed in (optional)',
    dryRun: '"true" checks the file without saving it',
  })
  @ApiOkResponse({
    description: 'What was (or, on a dry run, would be) saved, and why rows were not',
    schema: IMPORT_REPORT_SCHEMA,
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PRICE_CSV_MAX_BYTES, files: 1, fields: 10 } }))
  import(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() fields: Record<string, unknown>,
  ) {
    return this.service.importCsv(user, file, { ...fields });
  }
}
