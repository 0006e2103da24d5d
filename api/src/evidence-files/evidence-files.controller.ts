import { Controller, Delete, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_CONTENT_TYPES } from '@adaldesk/libs';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { AuthenticatedUser } from '../core/auth/authenticated-user.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ReadOnlyCrudController } from '../core/crud/crud.controller.js';
import { EvidenceFilesService } from './evidence-files.service.js';

/**
 * `/api/evidence-files`: the list (`filter={"findingId": ...}`), one file's metadata, its bytes at
 * `/:id/content`, and deletion. Uploads go to `POST /api/findings/:id/evidence`.
 */
@ApiTags('evidence-files')
@Controller('evidence-files')
export class EvidenceFilesController extends ReadOnlyCrudController {
  constructor(@Inject(EvidenceFilesService) readonly service: EvidenceFilesService) {
    super();
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'Download an evidence file’s bytes' })
  @ApiOkResponse({
    description: 'The file’s bytes, as uploaded; `Digest` carries their SHA-256',
    content: Object.fromEntries(
      EVIDENCE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async content(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { file, stream } = await this.service.download(user, id);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.sizeBytes));
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
    await pipeline(stream, response);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<object> {
    return this.service.remove(user, id);
  }
}

/** An attachment named for the user (RFC 6266), with an ASCII fallback for old clients. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
