import { Body, Controller, HttpCode, Inject, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import { CurrentUser } from '../../core/auth/decorators.js';
import { WorkflowController } from '../../core/crud/crud.controller.js';
import { PRICE_CSV_MAX_BYTES } from './price-csv.js';
import { PriceObservationsService, type UploadedCsv } from './price-observations.service.js';
import { MultipartBody } from '../../core/openapi/request-schemas.js';

/** `/api/price-observations`: the react-admin routes, the CSV import of a day's prices, and open-finding. */
@ApiTags('price-observations')
@Controller('price-observations')
export class PriceObservationsController extends WorkflowController {
  constructor(@Inject(PriceObservationsService) readonly service: PriceObservationsService) {
    super();
  }

  /** Multipart: `file` (the CSV), optional `inspectionId` and `dryRun`. Answers the per-row report. */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @MultipartBody({
    inspectionId: 'the inspection the prices were observed in (optional)',
    dryRun: '"true" checks the file without saving it',
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
