import type { Resource } from '@adaldesk/libs';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Res,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/decorators.js';
import type { CrudEndpoints } from './crud.service.js';

/**
 * The react-admin simple REST read routes for one resource: a list with `Content-Range`, and one
 * record. A domain controller extends it with `@Controller('<resource>')` and hands over its service.
 */
@ApiBearerAuth()
export abstract class ReadOnlyCrudController {
  abstract readonly service: CrudEndpoints;

  @Get()
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object[]> {
    const page = await this.service.list(user, query);
    const end = page.rows.length === 0 ? page.offset : page.offset + page.rows.length - 1;
    // An uncounted total is `*` (RFC 9110's unknown length), with the lower bound beside it.
    const total = page.totalIsExact ? String(page.total) : '*';
    response.setHeader('Content-Range', `${this.service.spec.resource} ${page.offset}-${end}/${total}`);
    if (!page.totalIsExact) response.setHeader('X-Total-At-Least', String(page.total));
    return page.rows;
  }

  /** The same list as CSV, every page of it, streamed: `GET /api/<resource>/export?sort=..&filter=..`. */
  @Get('export')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    await this.service.exportCsv(user, query, response);
  }

  @Get(':id')
  getOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<object> {
    return this.service.getOne(user, id);
  }
}

/** The read routes plus create, update (with `version`) and delete. */
export abstract class CrudController extends ReadOnlyCrudController {
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: unknown): Promise<object> {
    return this.service.create(user, body);
  }

  @Put(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: unknown): Promise<object> {
    return this.service.update(user, id, body);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<object> {
    return this.service.remove(user, id);
  }
}

/**
 * The controller of a plain CRUD resource at `/api/<resource>`, served by `serviceClass`:
 * `export class RegionsController extends crudControllerFor('regions', RegionsService) {}`.
 */
export function crudControllerFor(resource: Resource, serviceClass: Type<CrudEndpoints>) {
  @ApiTags(resource)
  @Controller(resource)
  class ResourceController extends CrudController {
    constructor(@Inject(serviceClass) readonly service: CrudEndpoints) {
      super();
    }
  }
  return ResourceController;
}

/** A resource whose records move through workflow steps, and keep their history in the audit trail. */
export interface WorkflowEndpoints extends CrudEndpoints {
  act(user: AuthenticatedUser, id: string, action: string, body: unknown): Promise<object>;
}

/** The CRUD routes plus the workflow steps, `POST /api/<resource>/:id/actions/<action>`. */
export abstract class WorkflowController extends CrudController {
  abstract override readonly service: WorkflowEndpoints;

  @Post(':id/actions/:action')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<object> {
    return this.service.act(user, id, action, body);
  }
}

/** The workflow routes plus each record's history from the audit trail, `GET /api/<resource>/:id/timeline`. */
export abstract class WorkflowTimelineController extends WorkflowController {
  abstract override readonly service: WorkflowEndpoints & {
    timeline(user: AuthenticatedUser, id: string): Promise<object[]>;
  };

  @Get(':id/timeline')
  timeline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<object[]> {
    return this.service.timeline(user, id);
  }
}
