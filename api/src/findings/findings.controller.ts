import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { schema } from '../core/openapi/schema.js';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { CrudController } from '../core/crud/crud.controller.js';
import { EvidenceFilesService } from '../evidence-files/evidence-files.service.js';
import { FindingsService } from './findings.service.js';
import { MultipartBody } from '../core/openapi/request-schemas.js';

/** `/api/findings`: the react-admin routes, registering an appeal from a finding, and evidence uploads. */
@ApiTags('findings')
@Controller('findings')
export class FindingsController extends CrudController {
  constructor(
    @Inject(FindingsService) readonly service: FindingsService,
    @Inject(EvidenceFilesService) private readonly evidence: EvidenceFilesService,
  ) {
    super();
  }

  @Post(':id/actions/open-appeal')
  @HttpCode(200)
  openAppeal(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown) {
    return this.service.openAppeal(user, id, body);
  }

  /** Multipart form data with one part `file`: a JPEG, PNG, WebP or HEIC photo, or a PDF. */
  @Post(':id/evidence')
  @ApiOperation({ summary: 'Upload a photo or document as evidence of a finding' })
  @ApiConsumes('multipart/form-data')
  @MultipartBody()
  @ApiCreatedResponse({ description: 'The stored file’s record', schema: schema.ref('EvidenceFile') })
  upload(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Req() request: Request) {
    return this.evidence.upload(user, id, request);
  }
}
