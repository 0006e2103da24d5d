import {
  CHECKLIST_TEMPLATES,
  type ChecklistAnswer,
  type DisciplinaryOutcome,
  type FindingKind,
  type FindingSeverity,
  formatFindingNumber,
  formatInspectionNumber,
  type InspectionStatus,
  type InspectionType,
  withCheckDigit,
} from '@adaldesk/libs';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/auth.service.js';
import type { EvidenceStore } from '../evidence-files/evidence-store.js';
import { insertRows, Random } from './demo-appeals.js';
import { demoPhoto } from './demo-images.js';
import { DEMO_PASSWORD, DEMO_USERS } from './reference-data.js';

export interface DemoInspectionsOptions {
  /** The demo's present: inspections are planned around it. */
  now: Date;
  timeZone: string;
  /** Where the demo photos go; without one the findings have no evidence files. */
  store?: EvidenceStore;
  randomSeed?: number;
}

export interface DemoInspectionsResult {
  inspectionIds: string[];
  findingIds: string[];
  evidenceIds: string[];
  /** Storage keys written, so a caller that rolls back can remove them. */
  storedKeys: string[];
}

const MS_PER_DAY = 86_400_000;

/** Regions with inspections in the demo, with how many of each type. */
const REGION_PLAN: Record<string, { school: number; market: number }> = {
  'KZ-75': { school: 9, market: 5 },
  'KZ-71': { school: 4, market: 3 },
  'KZ-79': { school: 3, market: 3 },
  'KZ-19': { school: 3, market: 1 },
  'KZ-61': { school: 2, market: 2 },
};

/** Inspectors per region beyond the demo one in Almaty (who logs in as inspector@demo.adaldesk.kz). */
const INSPECTORS: Record<string, string[]> = {
  'KZ-75': ['Сәуле Мұхамеджанова'],
  'KZ-71': ['Бауыржан Қасымов', 'Алина Жұмабаева'],
  'KZ-79': ['Ерболат Тұрсынбаев'],
  'KZ-19': ['Гаухар Есенова'],
  'KZ-61': ['Мақсат Оразбаев'],
};

const SCHOOLS = [
  '№ {n} жалпы білім беретін мектеп',
  '№ {n} мектеп-гимназия',
  'Средняя школа № {n}',
  '№ {n} IT-лицей',
  'Школа-лицей № {n}',
];
const MARKETS = ['«Көк базар»', '«Береке» сауда үйі', 'Рынок «Достық»', '«Шаңырақ» базары', 'Центральный рынок'];

/** Where each inspection stands; the mix covers every status, most of them finished. */
const STATUS_WEIGHTS: Record<InspectionStatus, number> = {
  planned: 4,
  in_progress: 3,
  completed: 3,
  closed: 7,
  cancelled: 1,
};

const EVERY_STATUS: readonly InspectionStatus[] = ['planned', 'in_progress', 'completed', 'closed', 'cancelled'];
const CANCEL_REASONS: Record<InspectionType, string> = {
  school: 'Мектеп карантинге байланысты уақытша жабылды',
  market: 'Рынок закрыт на санитарный день по решению акимата',
};

interface FindingStory {
  kind: FindingKind;
  severity: FindingSeverity;
  /** Tenge, whole thousands, or null where money is not the point. */
  amount: [number, number] | null;
  description: string;
  measure: string;
  position: string;
}

/**
 * What inspections find, in the words of the project office's own reports: repair money paid for
 * work not done, school meals bought above the price or below the norm, food prices pushed up.
 */
const STORIES: Record<InspectionType, FindingStory[]> = {
  school: [
    {
      kind: 'capital_repair_funds_misuse',
      severity: 'critical',
      amount: [18_000, 60_000],
      description:
        'Мектеп ғимаратының шатырын күрделі жөндеуге бөлінген қаражат толық төленген, бірақ жұмыстың жартысы ғана орындалған; орындалған жұмыстар актісінде көлемдер жалған көрсетілген.',
      measure: 'Артық төленген соманы бюджетке қайтару, материалдарды Сыбайлас жемқорлыққа қарсы қызметке жолдау',
      position: 'мектеп директоры',
    },
    {
      kind: 'capital_repair_funds_misuse',
      severity: 'high',
      amount: [6_000, 25_000],
      description:
        'Средства на капитальный ремонт спортзала израсходованы на закупку мебели для кабинета директора, не предусмотренную сметой.',
      measure: 'Возместить нецелевые расходы, провести служебное расследование',
      position: 'главный бухгалтер',
    },
    {
      kind: 'repair_not_done',
      severity: 'high',
      amount: [3_000, 15_000],
      description:
        'Акт бойынша терезелер ауыстырылған деп көрсетілген, іс жүзінде ескі терезелер орнында тұр; мердігерге ақы толық төленген.',
      measure: 'Мердігерден жұмысты орындауды немесе қаражатты қайтаруды талап ету',
      position: 'шаруашылық меңгерушісі',
    },
    {
      kind: 'repair_not_done',
      severity: 'medium',
      amount: [1_500, 6_000],
      description:
        'Ремонт системы отопления оплачен по акту выполненных работ, однако радиаторы в трёх классах не заменены, в классах +14 °C.',
      measure: 'Завершить ремонт до начала отопительного сезона за счёт подрядчика',
      position: 'заместитель директора по хозяйственной части',
    },
    {
      kind: 'school_meals_violation',
      severity: 'high',
      amount: [800, 4_500],
      description:
        'Мектеп асханасында ет өнімдерінің мөлшері нормадан 30 %-ға аз берілген, жеткізушінің сапа сертификаты жоқ.',
      measure: 'Жеткізушімен шартты қайта қарау, тамақтандыруды күнделікті бақылауды енгізу',
      position: 'асхана меңгерушісі',
    },
    {
      kind: 'school_meals_violation',
      severity: 'medium',
      amount: null,
      description:
        'Меню не соответствует утверждённому двухнедельному; продукты хранятся без маркировки сроков годности.',
      measure: 'Привести меню и хранение продуктов в соответствие с санитарными правилами',
      position: 'медицинская сестра школы',
    },
    {
      kind: 'procurement_violation',
      severity: 'high',
      amount: [2_000, 12_000],
      description:
        'Мектептегі тамақтандыру қызметін сатып алу конкурсында бір ғана жеткізушіге сәйкес келетін талаптар қойылған; баға нарықтықтан 25 %-ға жоғары.',
      measure: 'Конкурс нәтижесін қайта қарау, сатып алу комиссиясының мүшелерін тәртіптік жауапкершілікке тарту',
      position: 'сатып алу жөніндегі маман',
    },
    {
      kind: 'procurement_violation',
      severity: 'medium',
      amount: [500, 3_000],
      description:
        'Учебное оборудование закуплено у аффилированного ТОО по цене выше рыночной без сравнения ценовых предложений.',
      measure: 'Направить материалы в департамент внутреннего государственного аудита',
      position: 'директор школы',
    },
  ],
  market: [
    {
      kind: 'price_gouging',
      severity: 'high',
      amount: null,
      description:
        'Әлеуметтік маңызы бар азық-түлікке (қант, күнбағыс майы, сиыр еті) баға шекті мөлшерден 18–25 %-ға жоғары белгіленген.',
      measure: 'Бағаны шекті деңгейге түсіру, сауда орнының иесіне әкімшілік хаттама толтыру',
      position: 'базар әкімшілігінің директоры',
    },
    {
      kind: 'price_gouging',
      severity: 'medium',
      amount: null,
      description:
        'Цены на картофель и лук в павильоне оптовой торговли превышают предельные на 12–15 %; ценники не соответствуют кассовым чекам.',
      measure: 'Снизить цены до предельных, внести торговцев в план повторного мониторинга',
      position: 'руководитель оптового павильона',
    },
    {
      kind: 'sanitary',
      severity: 'medium',
      amount: null,
      description:
        'Ет павильонында тоңазытқыш жабдығы істемейді, өнім +12 °C температурада сақталады; сатушылардың медициналық кітапшалары жоқ.',
      measure:
        'Павильонның жұмысын жабдық жөнделгенге дейін тоқтату, Санитариялық-эпидемиологиялық бақылау департаментін хабардар ету',
      position: 'ет павильонының меңгерушісі',
    },
    {
      kind: 'other',
      severity: 'low',
      amount: null,
      description:
        'Весы у четырёх торговцев не прошли поверку; у двух обнаружен обвес покупателей на 80–120 г на килограмм.',
      measure: 'Изъять неповеренные весы из оборота, провести поверку',
      position: 'администратор рынка',
    },
    {
      kind: 'procurement_violation',
      severity: 'high',
      amount: [1_000, 8_000],
      description:
        'Базар аумағындағы сауда орындары аукционсыз, нарықтықтан төмен бағамен жалға берілген; бюджетке түспеген сома есептелді.',
      measure: 'Жалға алу шарттарын бұзу, орындарды ашық аукцион арқылы беру',
      position: 'базар әкімшілігінің директоры',
    },
  ],
};

const OFFICIAL_NAMES = [
  'Сейітов Ерлан Маратұлы',
  'Омарова Айгүл Бақытқызы',
  'Иванова Наталья Сергеевна',
  'Ахметов Данияр Серікұлы',
  'Тұрсынова Мадина Асқарқызы',
  'Ким Виктор Алексеевич',
  'Нұрланов Асхат Ерланұлы',
];
const OUTCOMES: Record<DisciplinaryOutcome, number> = {
  dismissed: 2,
  severe_reprimand: 2,
  reprimanded: 3,
  warning: 2,
  none: 1,
  pending: 4,
};

const NOTES: Record<InspectionType, string[]> = {
  school: [
    'Күрделі жөндеуге бөлінген қаражаттың мақсатты пайдаланылуын тексеру (бюджеттің интерактивті картасы бойынша өтініштер)',
    'Проверка школьного питания и закупок продуктов по обращениям родителей',
    'Қаржы-шаруашылық қызметін жоспарлы мониторинг',
  ],
  market: [
    'Әлеуметтік маңызы бар азық-түлік бағасының мониторингі',
    'Мониторинг цен на социально значимые продукты перед праздниками',
    'Базардағы санитариялық жағдай мен таразыларды тексеру',
  ],
};

interface Region {
  id: string;
  code: string;
}

/**
 * Demo inspections across five regions, of both types and in every status, with findings and their
 * officials, amounts and (given a store) photos drawn here. Audited like records made through the API.
 */
export async function seedDemoInspections(
  manager: EntityManager,
  options: DemoInspectionsOptions,
): Promise<DemoInspectionsResult> {
  const random = new Random(options.randomSeed ?? 20_261_124);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).format(options.now);
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * MS_PER_DAY).toISOString().slice(0, 10);
  const regions: Region[] = await manager.query(`SELECT id, code FROM regions WHERE code = ANY($1) ORDER BY code`, [
    Object.keys(REGION_PLAN),
  ]);
  const inspectors = await ensureInspectors(manager, regions);
  const organisations = await ensureTargets(manager, regions, random);
  const [{ id: managerId }] = await manager.query(`SELECT id FROM users WHERE email = $1`, [
    DEMO_USERS.find((demo) => demo.role === 'manager')!.email,
  ]);

  const inspections: unknown[][] = [];
  const findings: unknown[][] = [];
  const photos: { findingId: string; inspectionId: string; regionId: string; uploadedById: string; seed: number }[] =
    [];
  const events: unknown[][] = [];
  for (const region of regions) {
    const team = inspectors.get(region.id)!;
    for (const type of ['school', 'market'] as const) {
      for (let k = 0; k < REGION_PLAN[region.code][type]; k++) {
        // Almaty shows every status of both types whatever the draw, and its demo inspector has one
        // inspection on the desk today and one running.
        const status: InspectionStatus =
          region.code === 'KZ-75' && k < EVERY_STATUS.length ? EVERY_STATUS[k] : random.weightedKey(STATUS_WEIGHTS);
        const lead = region.code === 'KZ-75' && k < 2 ? team[0] : random.pick(team);
        const members = team.filter((id) => id !== lead && random.chance(0.5));
        const startOffset =
          status === 'planned'
            ? k === 0 && region.code === 'KZ-75'
              ? 0
              : random.int(1, 30)
            : status === 'in_progress'
              ? -random.int(0, 3)
              : -random.int(10, 300);
        const length = random.int(0, 4);
        const plannedStartOn = day(startOffset);
        const plannedEndOn = day(startOffset + length);
        const started = ['in_progress', 'completed', 'closed'].includes(status);
        const ended = ['completed', 'closed'].includes(status);
        const actualStartOn = started ? plannedStartOn : null;
        const actualEndOn = ended ? day(Math.min(startOffset + length + random.int(0, 2), 0)) : null;
        const checklist = CHECKLIST_TEMPLATES[type].map(({ code }) => ({
          code,
          answer: ended
            ? random.weightedKey<ChecklistAnswer>({ ok: 6, violation: 3, not_checked: 1 })
            : status === 'in_progress' && random.chance(0.5)
              ? 'ok'
              : null,
          note: null,
        }));
        const id = randomUUID();
        const number = formatInspectionNumber(Number(plannedStartOn.slice(0, 4)), await nextval(manager, 'inspection'));
        const endedAt = actualEndOn ? new Date(`${actualEndOn}T12:00:00Z`) : null;
        const row = {
          id,
          number,
          type,
          organisation_id: random.pick(organisations.get(region.id)![type]),
          region_id: region.id,
          lead_inspector_id: lead,
          team_ids: members,
          created_by_id: lead,
          planned_start_on: plannedStartOn,
          planned_end_on: plannedEndOn,
          actual_start_on: actualStartOn,
          actual_end_on: actualEndOn,
          checklist: JSON.stringify(checklist),
          notes: random.pick(NOTES[type]),
          summary: ended ? 'Тексеру аяқталды, анықталған бұзушылықтар бойынша шаралар ұсынылды.' : null,
          status,
          cancel_reason: status === 'cancelled' ? CANCEL_REASONS[type] : null,
          closed_at:
            status === 'closed'
              ? new Date(Math.min(endedAt!.getTime() + random.int(1, 10) * MS_PER_DAY, options.now.getTime()))
              : null,
          cancelled_at: status === 'cancelled' ? options.now : null,
          created_at: new Date(Date.parse(`${plannedStartOn}T03:00:00Z`) - random.int(3, 20) * MS_PER_DAY),
        };
        inspections.push(Object.values(row));
        events.push(['create', 'inspections', id, region.id, lead, JSON.stringify(row), row.created_at]);

        if (!started) continue;
        const count = status === 'in_progress' ? random.int(0, 2) : random.int(1, 3);
        for (let f = 0; f < count; f++) {
          const story = random.pick(STORIES[type]);
          const findingId = randomUUID();
          const amount = story.amount
            ? `${random.int(story.amount[0], story.amount[1]) * 1000}.${String(random.int(0, 99)).padStart(2, '0')}`
            : null;
          const createdAt = new Date(Date.parse(`${actualStartOn}T06:00:00Z`) + f * 3_600_000);
          const officials = random.chance(0.7)
            ? [
                {
                  fullName: random.pick(OFFICIAL_NAMES),
                  position: story.position,
                  outcome: status === 'closed' ? random.weightedKey(OUTCOMES) : 'pending',
                },
              ]
            : [];
          const finding = {
            id: findingId,
            number: formatFindingNumber(createdAt.getUTCFullYear(), await nextval(manager, 'finding')),
            inspection_id: id,
            region_id: region.id,
            kind: story.kind,
            severity: story.severity,
            amount,
            description: story.description,
            officials: JSON.stringify(officials),
            recommended_measure: story.measure,
            created_by_id: lead,
            created_at: createdAt,
          };
          findings.push(Object.values(finding));
          events.push(['create', 'findings', findingId, region.id, lead, JSON.stringify(finding), createdAt]);
          if (region.code === 'KZ-75' && photos.length < 8 && story.kind !== 'other') {
            photos.push({
              findingId,
              inspectionId: id,
              regionId: region.id,
              uploadedById: lead,
              seed: photos.length + 1,
            });
          }
        }
      }
    }
  }
  await insertRows(manager, 'inspections', INSPECTION_COLUMNS, inspections);
  await insertRows(manager, 'findings', FINDING_COLUMNS, findings);
  const evidence = options.store
    ? await storePhotos(manager, options.store, photos, events, options.now)
    : { ids: [], keys: [] };
  await insertRows(
    manager,
    'audit_events',
    ['action', 'entity_type', 'entity_id', 'region_id', 'actor_id', 'after', 'occurred_at'],
    events,
  );
  // The region's manager has closed what is closed: the sign-off is theirs.
  await manager.query(
    `INSERT INTO audit_events (action, entity_type, entity_id, region_id, actor_id, after, occurred_at)
     SELECT 'close', 'inspections', id, region_id, $1, jsonb_build_object('status', 'closed'), closed_at
       FROM inspections WHERE id = ANY($2) AND status = 'closed'`,
    [managerId, inspections.map((row) => row[0])],
  );
  return {
    inspectionIds: inspections.map((row) => row[0] as string),
    findingIds: findings.map((row) => row[0] as string),
    evidenceIds: evidence.ids,
    storedKeys: evidence.keys,
  };
}

const INSPECTION_COLUMNS = [
  'id',
  'number',
  'type',
  'organisation_id',
  'region_id',
  'lead_inspector_id',
  'team_ids',
  'created_by_id',
  'planned_start_on',
  'planned_end_on',
  'actual_start_on',
  'actual_end_on',
  'checklist',
  'notes',
  'summary',
  'status',
  'cancel_reason',
  'closed_at',
  'cancelled_at',
  'created_at',
];
const FINDING_COLUMNS = [
  'id',
  'number',
  'inspection_id',
  'region_id',
  'kind',
  'severity',
  'amount',
  'description',
  'officials',
  'recommended_measure',
  'created_by_id',
  'created_at',
];

async function nextval(manager: EntityManager, kind: 'inspection' | 'finding'): Promise<number> {
  const [{ value }] = await manager.query(`SELECT nextval('${kind}_number_seq')::int AS value`);
  return value;
}

/** Photos drawn here, put in the store as an upload would, with their rows and audit events. */
async function storePhotos(
  manager: EntityManager,
  store: EvidenceStore,
  photos: { findingId: string; inspectionId: string; regionId: string; uploadedById: string; seed: number }[],
  events: unknown[][],
  uploadedAt: Date,
): Promise<{ ids: string[]; keys: string[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'adaldesk-demo-evidence-'));
  const ids: string[] = [];
  const keys: string[] = [];
  const rows: unknown[][] = [];
  try {
    for (const photo of photos) {
      const bytes = demoPhoto(photo.seed, 320, 240);
      const id = randomUUID();
      const key = `${photo.regionId}/${photo.findingId}/${id}`;
      const path = join(folder, id);
      await writeFile(path, bytes);
      await store.put(key, path, bytes.length, 'image/png');
      keys.push(key);
      ids.push(id);
      const row = {
        id,
        finding_id: photo.findingId,
        inspection_id: photo.inspectionId,
        region_id: photo.regionId,
        file_name: `фото-${photo.seed}.png`,
        content_type: 'image/png',
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storage: store.kind,
        storage_key: key,
        uploaded_by_id: photo.uploadedById,
      };
      rows.push(Object.values(row));
      const { storage_key: _key, ...shown } = row;
      events.push([
        'upload',
        'evidence-files',
        id,
        photo.regionId,
        photo.uploadedById,
        JSON.stringify(shown),
        uploadedAt,
      ]);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  await insertRows(
    manager,
    'evidence_files',
    [
      'id',
      'finding_id',
      'inspection_id',
      'region_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'storage',
      'storage_key',
      'uploaded_by_id',
    ],
    rows,
  );
  return { ids, keys };
}

/** The demo inspector leads Almaty's; the others are made here, one or two per region. */
async function ensureInspectors(manager: EntityManager, regions: Region[]): Promise<Map<string, string[]>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const byRegion = new Map<string, string[]>();
  for (const region of regions) {
    const rows = INSPECTORS[region.code].map((fullName, index) => [
      `inspector${index + 1}.${region.code.toLowerCase()}@demo.adaldesk.kz`,
      fullName,
      'inspector',
      region.id,
      passwordHash,
    ]);
    const created = await insertRows(
      manager,
      'users',
      ['email', 'full_name', 'role', 'region_id', 'password_hash'],
      rows,
      `ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id, email, full_name AS "fullName", role, region_id AS "regionId", active, created_at AS "createdAt"`,
    );
    await insertRows(
      manager,
      'audit_events',
      ['action', 'entity_type', 'entity_id', 'region_id', 'after'],
      created.map((user) => ['create', 'users', user.id, user.regionId, JSON.stringify(user)]),
    );
    const ids: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = 'inspector' AND active AND region_id = $1 ORDER BY (email = $2) DESC, email`,
      [region.id, DEMO_USERS.find((demo) => demo.role === 'inspector')!.email],
    );
    byRegion.set(
      region.id,
      ids.map((row) => row.id),
    );
  }
  return byRegion;
}

/** Schools and markets to inspect in each region: the region's own, plus a few made here. */
async function ensureTargets(
  manager: EntityManager,
  regions: Region[],
  random: Random,
): Promise<Map<string, Record<InspectionType, string[]>>> {
  const targets = new Map<string, Record<InspectionType, string[]>>();
  for (const region of regions) {
    const rows: unknown[][] = [];
    for (let k = 0; k < 3; k++) {
      const name = random.pick(SCHOOLS).replace('{n}', String(random.int(2, 180)));
      rows.push([`${name} (${region.code})`, withCheckDigit(`0${random.digits(10)}`), 'school', region.id]);
    }
    rows.push([
      `${random.pick(MARKETS)} (${region.code})`,
      withCheckDigit(`1${random.digits(10)}`),
      'market',
      region.id,
    ]);
    await insertRows(
      manager,
      'organisations',
      ['name', 'bin', 'type', 'region_id'],
      rows,
      'ON CONFLICT (bin) DO NOTHING',
    );
    const existing: { id: string; type: InspectionType }[] = await manager.query(
      `SELECT id, type FROM organisations WHERE region_id = $1 AND type IN ('school', 'market') ORDER BY name`,
      [region.id],
    );
    targets.set(region.id, {
      school: existing.filter((row) => row.type === 'school').map((row) => row.id),
      market: existing.filter((row) => row.type === 'market').map((row) => row.id),
    });
  }
  return targets;
}
