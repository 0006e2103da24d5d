import { subject as asSubject } from '@casl/ability';
import {
  type FindingSeverity,
  type ImportReport,
  type ImportRowProblem,
  isInspectionWritable,
  type InspectionStatus,
  type InspectionType,
  type ProductUnit,
  type WorkingCalendar,
} from '@adaldesk/libs';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { changedFields, CrudService } from '../../core/crud/crud.service.js';
import { filtersFor } from '../../core/crud/list-query.js';
import { AppError, ErrorCode, type FieldProblem } from '../../core/errors/app-error.js';
import { schema } from '../../core/openapi/schema.js';
import { validateBody } from '../../core/validation/validate-body.js';
import { FindingsService } from '../../findings/findings.service.js';
import { WorkingCalendarService } from '../../sla/working-calendar.service.js';
import {
  CreatePriceObservationDto,
  ImportPriceObservationsDto,
  OpenFindingDto,
  UpdatePriceObservationDto,
} from './dto/price-observation.dto.js';
import {
  type PriceCsvColumn,
  type PriceCsvRow,
  parseObservedAtCell,
  parsePriceCell,
  readPriceCsv,
} from './price-csv.js';
import { judgePrice, type JudgeSettings } from './price-judge.js';
import { PriceObservation } from './price-observation.entity.js';

/** Fields the server sets; react-admin sends them back on edit and they are dropped. */
const SERVER_FIELDS = [
  'regionId',
  'observedOn',
  'inspectorId',
  'baselinePrice',
  'baselineSource',
  'baselineObservations',
  'risePercent',
  'thresholdPercent',
  'flagged',
  'findingId',
];

/** What a price observation is made of before it is checked. */
interface ObservationInput {
  productId: string;
  unit?: string;
  price: string;
  marketId: string;
  observedAt: Date;
  inspectionId: string | null;
}

/** An observation that passed every check, ready to be judged and saved. */
interface CheckedObservation {
  productId: string;
  unit: ProductUnit;
  price: string;
  marketId: string;
  regionId: string;
  observedAt: Date;
  observedOn: string;
  inspectionId: string | null;
}

interface ProductRow {
  id: string;
  code: string;
  unit: ProductUnit;
  active: boolean;
  nameKk: string;
  nameRu: string;
}
interface MarketRow {
  id: string;
  name: string;
  bin: string | null;
  type: string;
  regionId: string | null;
}
interface InspectionRow {
  id: string;
  type: InspectionType;
  organisationId: string;
  regionId: string;
  status: InspectionStatus;
}

/** The uploaded file as multer hands it over. */
export interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * Market prices observed by inspectors, each judged against its product's baseline in its region
 * when saved (and again when corrected). Every change is audited in the same transaction.
 */
@Injectable()
export class PriceObservationsService extends CrudService<PriceObservation> {
  constructor(
    dataSource: DataSource,
    audit: AuditService,
    private readonly calendars: WorkingCalendarService,
    private readonly findings: FindingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, audit, {
      resource: 'price-observations',
      entity: PriceObservation,
      createDto: CreatePriceObservationDto,
      updateDto: UpdatePriceObservationDto,
      stepDtos: { 'open-finding': OpenFindingDto },
      stepAnswerFields: { 'open-finding': { finding: schema.ref('Finding') } },
      filters: filtersFor(
        {
          productId: 'uuid',
          marketId: 'uuid',
          regionId: 'uuid',
          inspectionId: 'uuid',
          inspectorId: 'uuid',
          findingId: 'uuid',
          flagged: 'boolean',
          baselineSource: 'text',
          observedOn: 'date',
        },
        ['observedOn'],
      ),
      sortable: ['observedAt', 'observedOn', 'price', 'risePercent', 'createdAt'],
      defaultSort: ['observedAt', 'DESC'],
      searchable: false,
      readOnlyFields: SERVER_FIELDS,
    });
  }

  private get judgeSettings(): JudgeSettings {
    return {
      thresholdPercent: this.config.priceRiseThresholdPercent,
      windowDays: this.config.priceBaselineWindowDays,
      minObservations: this.config.priceBaselineMinObservations,
    };
  }

  override async create(user: AuthenticatedUser, body: unknown): Promise<object> {
    this.assertAllowed(user, 'create');
    const dto = await validateBody(CreatePriceObservationDto, body);
    const calendar = await this.calendars.current();
    const saved = await this.inTransaction(async (manager) => {
      const lookup = new ObservationLookup(manager);
      const input = {
        ...dto,
        observedAt: dto.observedAt ? new Date(dto.observedAt) : this.clock.now(),
        inspectionId: dto.inspectionId ?? null,
      };
      const checked = await this.checkOrThrow(user, input, lookup, calendar, null);
      await this.assertNotRecorded(manager, checked, null);
      return this.insert(manager, user, checked);
    });
    return this.toJson(saved, user);
  }

  override async update(user: AuthenticatedUser, id: string, body: unknown): Promise<object> {
    this.assertAllowed(user, 'update');
    const dto = await validateBody(UpdatePriceObservationDto, withoutServerFields(body));
    const calendar = await this.calendars.current();
    const saved = await this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      if (!user.ability.can('update', asObservation(existing))) {
        throw AppError.forbidden('You may read but not correct this price observation');
      }
      if (existing.version !== dto.version) throw AppError.staleVersion('price-observations', id, existing.version);
      assertNoFinding(existing);
      const input: ObservationInput = {
        productId: dto.productId ?? existing.productId,
        // A new product brings its own unit unless one is given.
        unit: dto.unit ?? (dto.productId && dto.productId !== existing.productId ? undefined : existing.unit),
        price: dto.price ?? existing.price,
        marketId: dto.marketId ?? existing.marketId,
        observedAt: dto.observedAt ? new Date(dto.observedAt) : existing.observedAt,
        inspectionId: dto.inspectionId === undefined ? existing.inspectionId : dto.inspectionId,
      };
      const checked = await this.checkOrThrow(user, input, new ObservationLookup(manager), calendar, existing);
      await this.assertNotRecorded(manager, checked, id);
      const verdict = await judgePrice(manager, checked, this.judgeSettings);
      const before = { ...existing };
      await manager.update(PriceObservation, { id }, { ...checked, ...verdict, version: existing.version + 1 });
      const stored = await manager.findOneByOrFail(PriceObservation, { id });
      const diff = changedFields(before, stored);
      await this.audit.record(manager, user, {
        action: 'update',
        entityType: 'price-observations',
        entityId: id,
        regionId: stored.regionId,
        before: diff.before,
        after: diff.after,
      });
      return stored;
    });
    return this.toJson(saved, user);
  }

  override async remove(user: AuthenticatedUser, id: string): Promise<object> {
    this.assertAllowed(user, 'delete');
    return this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      if (!user.ability.can('delete', asObservation(existing))) {
        throw AppError.forbidden('You may read but not delete this price observation');
      }
      assertNoFinding(existing);
      await manager.delete(PriceObservation, { id });
      await this.audit.record(manager, user, {
        action: 'delete',
        entityType: 'price-observations',
        entityId: id,
        regionId: existing.regionId,
        before: existing,
      });
      return this.toJson(existing, user);
    });
  }

  /**
   * A day's prices from a CSV file. Every row is checked on its own; the good rows are saved (in one
   * transaction, each judged and audited) and the bad ones listed with their row, field and reason, so
   * the inspector fixes and re-sends only those. With `dryRun` nothing is saved.
   */
  async importCsv(user: AuthenticatedUser, file: UploadedCsv | undefined, fields: unknown): Promise<ImportReport> {
    this.assertAllowed(user, 'create');
    const options = await validateBody(ImportPriceObservationsDto, fields ?? {});
    if (!file) throw AppError.validation([{ field: 'file', message: 'is required: a CSV file of prices' }]);
    const csv = readPriceCsv(file.buffer, this.config.priceImportMaxRows);
    const dryRun = options.dryRun === 'true';
    const calendar = await this.calendars.current();
    const report: ImportReport = {
      dryRun,
      rows: csv.rows.length,
      saved: 0,
      rejected: 0,
      flagged: 0,
      ignoredColumns: csv.ignoredColumns,
      observations: [],
      errors: [],
    };
    try {
      await this.inTransaction(async (manager) => {
        const lookup = new ObservationLookup(manager);
        const inspection = options.inspectionId ? await lookup.inspection(options.inspectionId) : null;
        if (options.inspectionId) {
          const problem = inspection ? inspectionProblem(user, inspection, null) : 'refers to no inspection';
          if (problem) throw AppError.validation([{ field: 'inspectionId', message: problem }]);
        }
        const good: { row: PriceCsvRow; checked: CheckedObservation; product: ProductRow }[] = [];
        const seen = new Map<string, number>();
        for (const row of csv.rows) {
          const problems = await this.checkRow(user, row, lookup, calendar, inspection);
          if ('problems' in problems) {
            report.errors.push(...problems.problems);
            continue;
          }
          const { checked, product } = problems;
          const key = `${checked.productId}|${checked.marketId}|${checked.observedOn}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            report.errors.push({
              row: row.row,
              field: 'product',
              value: row.cells.product ?? null,
              reason: `duplicates row ${earlier}: one price per product, market and day`,
            });
            continue;
          }
          seen.set(key, row.row);
          if (await this.alreadyRecorded(manager, checked, null)) {
            report.errors.push({
              row: row.row,
              field: 'product',
              value: row.cells.product ?? null,
              reason: `a price of this product at this market on ${checked.observedOn} is already recorded`,
            });
            continue;
          }
          good.push({ row, checked, product });
        }
        // Oldest day first: a day's prices count in the baselines of the days after it.
        good.sort((a, b) => a.checked.observedOn.localeCompare(b.checked.observedOn) || a.row.row - b.row.row);
        for (const { row, checked, product } of good) {
          const saved = await this.insert(manager, user, checked, 'import');
          if (saved.flagged) report.flagged += 1;
          report.observations.push({
            row: row.row,
            id: dryRun ? null : saved.id,
            product: product.code,
            price: saved.price,
            observedOn: saved.observedOn,
            baselinePrice: saved.baselinePrice,
            baselineSource: saved.baselineSource,
            risePercent: saved.risePercent,
            flagged: saved.flagged,
          });
        }
        report.observations.sort((a, b) => a.row - b.row);
        report.errors.sort((a, b) => a.row - b.row);
        report.saved = dryRun ? 0 : good.length;
        report.rejected = new Set(report.errors.map((error) => error.row)).size;
        if (dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return report;
  }

  /**
   * `POST /api/price-observations/:id/actions/open-finding`: a price-gouging finding on the market
   * inspection, prefilled from the flagged observation, in one transaction with the link and both
   * audit events. A second call answers 409 naming the finding already opened.
   */
  async act(user: AuthenticatedUser, id: string, action: string, body: unknown): Promise<object> {
    const { dto } = await this.stepBody(user, action, body, { 'open-finding': OpenFindingDto });
    return this.inTransaction(async (manager) => {
      const existing = await this.findVisible(manager, user, id, 'read', true);
      if (!user.ability.can('open-finding', asObservation(existing))) {
        throw AppError.forbidden(`The ${user.role} role may not open findings from this price observation`);
      }
      if (existing.findingId) {
        throw new AppError(ErrorCode.Conflict, `A finding was already opened from this price: ${existing.findingId}`, {
          findingId: existing.findingId,
        });
      }
      if (existing.version !== dto.version) throw AppError.staleVersion('price-observations', id, existing.version);
      if (!existing.flagged) {
        throw new AppError(
          ErrorCode.IllegalTransition,
          'Only a flagged price (above its baseline by more than the threshold) opens a price-gouging finding',
          { flagged: false, allowed: [] },
        );
      }
      const inspectionId = existing.inspectionId ?? dto.inspectionId;
      if (!inspectionId) {
        throw AppError.validation([
          {
            field: 'inspectionId',
            message: 'is required: this price was not recorded during an inspection; name the market inspection',
          },
        ]);
      }
      if (!existing.inspectionId) {
        const inspection = await new ObservationLookup(manager).inspection(inspectionId);
        const problem = inspection ? inspectionProblem(user, inspection, existing.marketId) : 'refers to no inspection';
        if (problem) throw AppError.validation([{ field: 'inspectionId', message: problem }]);
      }
      const described = await this.describe(manager, existing);
      // The findings module's own checks, number and audit event, inside this transaction.
      const finding = await this.findings.openWithin(manager, user, {
        inspectionId,
        kind: 'price_gouging',
        severity: dto.severity ?? severityOf(existing.risePercent),
        amount: described.overcharge,
        description: dto.description ?? described.text,
      });
      const before = { ...existing };
      await manager.update(
        PriceObservation,
        { id },
        { findingId: finding.id, inspectionId, version: existing.version + 1 },
      );
      const stored = await manager.findOneByOrFail(PriceObservation, { id });
      const diff = changedFields(before, stored);
      await this.audit.record(manager, user, {
        action: 'open-finding',
        entityType: 'price-observations',
        entityId: id,
        regionId: stored.regionId,
        before: diff.before,
        after: diff.after,
      });
      const findingSubject = asSubject('findings', { ...finding } as Record<string, unknown>);
      const findingJson = Object.fromEntries(
        Object.entries(finding).filter(([field]) => user.ability.can('read', findingSubject, field)),
      );
      return { ...this.toJson(stored, user), finding: findingJson };
    });
  }

  private async insert(
    manager: EntityManager,
    user: AuthenticatedUser,
    checked: CheckedObservation,
    auditAction = 'create',
  ): Promise<PriceObservation> {
    const verdict = await judgePrice(manager, checked, this.judgeSettings);
    return this.saveAudited(
      manager,
      user,
      manager.create(PriceObservation, { ...checked, ...verdict, inspectorId: user.id, findingId: null }),
      auditAction,
    );
  }

  /** Checks an observation for the API: 400 naming the fields, 403 outside the caller's region. */
  private async checkOrThrow(
    user: AuthenticatedUser,
    input: ObservationInput,
    lookup: ObservationLookup,
    calendar: WorkingCalendar,
    existing: PriceObservation | null,
  ): Promise<CheckedObservation> {
    const result = await this.check(user, input, lookup, calendar, existing);
    if ('problems' in result) {
      const outOfScope = result.problems.find((problem) => problem.outOfScope);
      if (outOfScope) throw AppError.forbidden(`You may record prices only at markets in your region`);
      throw AppError.validation(result.problems.map(({ field, message }) => ({ field, message })));
    }
    return result.checked;
  }

  /** Every rule an observation must meet, each broken one named by its field. */
  private async check(
    user: AuthenticatedUser,
    input: ObservationInput,
    lookup: ObservationLookup,
    calendar: WorkingCalendar,
    existing: PriceObservation | null,
  ): Promise<
    { checked: CheckedObservation; product: ProductRow } | { problems: (FieldProblem & { outOfScope?: boolean })[] }
  > {
    const problems: (FieldProblem & { outOfScope?: boolean })[] = [];
    const product = await lookup.product(input.productId);
    if (!product) problems.push({ field: 'productId', message: 'refers to no product' });
    else if (!product.active && product.id !== existing?.productId) {
      problems.push({ field: 'productId', message: `"${product.code}" is no longer monitored (inactive)` });
    }
    if (product && input.unit !== undefined && input.unit !== product.unit) {
      problems.push({ field: 'unit', message: `must be the product's unit, "${product.unit}" (got "${input.unit}")` });
    }
    const market = await lookup.market(input.marketId);
    if (!market) problems.push({ field: 'marketId', message: 'refers to no organisation' });
    else if (market.type !== 'market')
      problems.push({ field: 'marketId', message: `"${market.name}" is not a market` });
    else if (!market.regionId) problems.push({ field: 'marketId', message: `"${market.name}" has no region` });
    else if (!user.ability.can(existing ? 'update' : 'create', asObservation({ regionId: market.regionId }))) {
      problems.push({ field: 'marketId', message: `"${market.name}" is not in your region`, outOfScope: true });
    }
    if (input.observedAt.getTime() > this.clock.now().getTime())
      problems.push({ field: 'observedAt', message: 'must not be in the future' });
    if (input.inspectionId) {
      const inspection = await lookup.inspection(input.inspectionId);
      const problem = inspection ? inspectionProblem(user, inspection, input.marketId) : 'refers to no inspection';
      if (problem) problems.push({ field: 'inspectionId', message: problem });
    }
    if (problems.length > 0 || !product || !market) return { problems };
    return {
      product,
      checked: {
        productId: product.id,
        unit: product.unit,
        price: input.price,
        marketId: market.id,
        regionId: market.regionId!,
        observedAt: input.observedAt,
        observedOn: calendar.localDate(input.observedAt),
        inspectionId: input.inspectionId,
      },
    };
  }

  /** One CSV row: its cells parsed, then the same checks as the API, named by the file's columns. */
  private async checkRow(
    user: AuthenticatedUser,
    { row, cells }: PriceCsvRow,
    lookup: ObservationLookup,
    calendar: WorkingCalendar,
    inspection: InspectionRow | null,
  ): Promise<{ checked: CheckedObservation; product: ProductRow } | { problems: ImportRowProblem[] }> {
    const problems: ImportRowProblem[] = [];
    const problem = (field: PriceCsvColumn | 'inspectionId', reason: string) =>
      problems.push({ row, field, value: field === 'inspectionId' ? null : (cells[field] ?? null), reason });

    const code = cells.product?.trim().toLowerCase() ?? '';
    const product = code ? await lookup.productByCode(code) : null;
    if (!code) problem('product', 'is required: the product code (e.g. beef)');
    else if (!product) problem('product', `"${cells.product}" is not a known product code`);

    const marketCell = cells.market?.trim() ?? '';
    let marketId: string | null = null;
    if (marketCell) {
      const market = await lookup.marketByReference(marketCell);
      if (market) marketId = market.id;
      else problem('market', `"${marketCell}" is no organisation's BIN or id`);
    } else if (inspection) {
      marketId = inspection.organisationId;
    } else {
      problem('market', "is required: the market's BIN or id");
    }

    const priceCell = parsePriceCell(cells.price ?? '');
    if ('problem' in priceCell) problem('price', priceCell.problem);

    const unitCell = cells.unit?.trim().toLowerCase() || undefined;

    let observedAt: Date | null = null;
    const when = parseObservedAtCell(cells.observed_at ?? '');
    if ('problem' in when) problem('observed_at', when.problem);
    else observedAt = 'instant' in when ? when.instant : calendar.localDateTime(when.date, when.time);

    if (problems.length > 0 || !product || !marketId || !observedAt || 'problem' in priceCell) return { problems };
    const result = await this.check(
      user,
      {
        productId: product.id,
        unit: unitCell,
        price: priceCell.price,
        marketId,
        observedAt,
        inspectionId: inspection?.id ?? null,
      },
      lookup,
      calendar,
      null,
    );
    if ('problems' in result) {
      const columns: Record<string, PriceCsvColumn | 'inspectionId'> = {
        productId: 'product',
        unit: 'unit',
        marketId: 'market',
        observedAt: 'observed_at',
        inspectionId: 'inspectionId',
      };
      for (const { field, message } of result.problems) problem(columns[field] ?? (field as PriceCsvColumn), message);
      return { problems };
    }
    return result;
  }

  private async alreadyRecorded(manager: EntityManager, checked: CheckedObservation, exceptId: string | null) {
    const [row] = await manager.query(
      `SELECT id FROM price_observations
        WHERE product_id = $1 AND market_id = $2 AND observed_on = $3 AND id IS DISTINCT FROM $4::uuid`,
      [checked.productId, checked.marketId, checked.observedOn, exceptId],
    );
    return (row?.id as string | undefined) ?? null;
  }

  private async assertNotRecorded(manager: EntityManager, checked: CheckedObservation, exceptId: string | null) {
    const existingId = await this.alreadyRecorded(manager, checked, exceptId);
    if (existingId) {
      throw new AppError(
        ErrorCode.Conflict,
        `A price of this product at this market on ${checked.observedOn} is already recorded (${existingId}); correct that one`,
        [{ field: 'observedAt', message: 'already has a price of this product at this market that day' }],
      );
    }
  }

  /** The finding's text and the overcharge per unit, in the office's two languages. */
  private async describe(manager: EntityManager, observation: PriceObservation) {
    const [row] = (await manager.query(
      `SELECT p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.unit, o.name AS market,
              round($1::numeric - $2::numeric, 2)::text AS overcharge
         FROM products p, organisations o WHERE p.id = $3 AND o.id = $4`,
      [observation.price, observation.baselinePrice, observation.productId, observation.marketId],
    )) as { nameKk: string; nameRu: string; unit: string; market: string; overcharge: string }[];
    const source = observation.baselineSource === 'admin' ? 'белгіленген / установленной' : 'медиана / медианы';
    const text =
      `${row.market}, ${observation.observedOn}: «${row.nameKk}» бағасы ${observation.price} ₸/${row.unit}, ` +
      `базалық бағадан (${observation.baselinePrice} ₸, ${source}) ${observation.risePercent} % жоғары, ` +
      `шегі ${observation.thresholdPercent} %.\n` +
      `${row.market}, ${observation.observedOn}: цена «${row.nameRu}» ${observation.price} ₸/${row.unit}, ` +
      `на ${observation.risePercent} % выше базовой (${observation.baselinePrice} ₸), ` +
      `порог ${observation.thresholdPercent} %.`;
    return { text, overcharge: row.overcharge };
  }
}

/** Rolls an import's transaction back after every row was checked and judged. */
class DryRunRollback extends Error {}

/** Products, markets and inspections read once per request, however many rows name them. */
class ObservationLookup {
  private products: Promise<ProductRow[]> | null = null;
  private readonly markets = new Map<string, Promise<MarketRow | null>>();
  private readonly inspections = new Map<string, Promise<InspectionRow | null>>();

  constructor(private readonly manager: EntityManager) {}

  async product(id: string): Promise<ProductRow | null> {
    return (await this.allProducts()).find((product) => product.id === id) ?? null;
  }

  async productByCode(code: string): Promise<ProductRow | null> {
    return (await this.allProducts()).find((product) => product.code === code) ?? null;
  }

  market(id: string): Promise<MarketRow | null> {
    return this.marketByReference(id);
  }

  /** A market by its BIN (12 digits) or its id. */
  marketByReference(reference: string): Promise<MarketRow | null> {
    const cached = this.markets.get(reference);
    if (cached) return cached;
    const column = /^\d{12}$/.test(reference) ? 'bin' : /^[0-9a-f-]{36}$/i.test(reference) ? 'id' : null;
    const found = column
      ? this.manager
          .query(`SELECT id, name, bin, type, region_id AS "regionId" FROM organisations WHERE ${column} = $1`, [
            reference,
          ])
          .then((rows: MarketRow[]) => rows[0] ?? null)
      : Promise.resolve(null);
    this.markets.set(reference, found);
    return found;
  }

  inspection(id: string): Promise<InspectionRow | null> {
    const cached = this.inspections.get(id);
    if (cached) return cached;
    const found = this.manager
      .query(
        `SELECT id, type, organisation_id AS "organisationId", region_id AS "regionId", status
           FROM inspections WHERE id = $1`,
        [id],
      )
      .then((rows: InspectionRow[]) => rows[0] ?? null);
    this.inspections.set(id, found);
    return found;
  }

  private allProducts(): Promise<ProductRow[]> {
    this.products ??= this.manager.query(
      `SELECT id, code, unit, active, name_kk AS "nameKk", name_ru AS "nameRu" FROM products`,
    );
    return this.products;
  }
}

/** Why prices may not be linked to this inspection (at this market), or null. */
function inspectionProblem(user: AuthenticatedUser, inspection: InspectionRow, marketId: string | null): string | null {
  if (!user.ability.can('create', asObservation({ regionId: inspection.regionId }))) return 'is not in your region';
  if (inspection.type !== 'market') return 'is not a market inspection';
  if (marketId && inspection.organisationId !== marketId) return "is of another market than the price's";
  if (!isInspectionWritable(inspection.status)) return `is ${inspection.status}: nothing more is recorded on it`;
  return null;
}

function assertNoFinding(observation: PriceObservation): void {
  if (observation.findingId) {
    throw new AppError(
      ErrorCode.Conflict,
      `A finding (${observation.findingId}) was opened from this price; it stays as it was judged`,
      { findingId: observation.findingId },
    );
  }
}

/** How grave a price rise is: above half again is high, above a quarter medium. */
function severityOf(risePercent: string | null): FindingSeverity {
  const rise = Number(risePercent ?? 0);
  return rise > 50 ? 'high' : rise > 25 ? 'medium' : 'low';
}

/** An observation as the permission rules see it (tagged on a copy: CASL marks the object it is given). */
const asObservation = (record: object) => asSubject('price-observations', { ...record } as Record<string, unknown>);

function withoutServerFields(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const ignored = new Set(['id', 'createdAt', 'updatedAt', ...SERVER_FIELDS]);
  return Object.fromEntries(Object.entries(body).filter(([field]) => !ignored.has(field)));
}
