import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Spelled out rather than imported: a migration must keep meaning what it meant when it was written.
const UNITS = ['kg', 'l', 'pcs', '10_pcs'];
const SOURCES = ['admin', 'median', 'none'];

/**
 * The socially significant food products whose retail prices the state watches (the government's list
 * of socially significant food goods), seeded here once; admins edit, add and deactivate them.
 */
const PRODUCTS: [code: string, unit: string, kk: string, ru: string, en: string][] = [
  ['wheat_flour', 'kg', 'Бидай ұны, бірінші сұрып', 'Мука пшеничная первого сорта', 'Wheat flour, first grade'],
  ['wheat_bread', 'kg', 'Бидай наны, бірінші сұрып ұнынан', 'Хлеб пшеничный из муки первого сорта', 'Wheat bread'],
  ['pasta', 'kg', 'Макарон өнімдері (мүйізше)', 'Макаронные изделия (рожки)', 'Pasta (elbows)'],
  ['buckwheat', 'kg', 'Қарақұмық жармасы', 'Крупа гречневая', 'Buckwheat'],
  ['rice', 'kg', 'Ақталған күріш', 'Рис шлифованный', 'Rice, polished'],
  ['potatoes', 'kg', 'Картоп', 'Картофель', 'Potatoes'],
  ['carrots', 'kg', 'Сәбіз', 'Морковь', 'Carrots'],
  ['onions', 'kg', 'Пияз', 'Лук репчатый', 'Onions'],
  ['cabbage', 'kg', 'Ақ қауданды қырыққабат', 'Капуста белокочанная', 'White cabbage'],
  ['sugar', 'kg', 'Қант құмы', 'Сахар-песок', 'Sugar'],
  ['sunflower_oil', 'l', 'Күнбағыс майы', 'Масло подсолнечное', 'Sunflower oil'],
  ['beef', 'kg', 'Сиыр еті (жауырын-төс бөлігі)', 'Говядина (лопаточно-грудная часть)', 'Beef (shoulder and brisket)'],
  ['chicken', 'kg', 'Тауық еті (сан)', 'Мясо кур (окорочка)', 'Chicken (leg quarters)'],
  ['milk', 'l', 'Пастерленген сүт, 2,5 %', 'Молоко пастеризованное 2,5 %', 'Pasteurised milk, 2.5 %'],
  ['kefir', 'l', 'Кефир, 2,5 %', 'Кефир 2,5 %', 'Kefir, 2.5 %'],
  ['butter', 'kg', 'Сары май, тұзсыз', 'Масло сливочное несолёное', 'Butter, unsalted'],
  ['cottage_cheese', 'kg', 'Сүзбе, 5–9 %', 'Творог 5–9 %', 'Cottage cheese, 5–9 %'],
  ['cheese', 'kg', 'Ірімшік (қатты сыр)', 'Сыр твёрдый', 'Hard cheese'],
  ['eggs', '10_pcs', 'Тауық жұмыртқасы, I санат', 'Яйца куриные I категории', 'Eggs, grade I'],
  ['salt', 'kg', 'Ас тұзы', 'Соль поваренная', 'Table salt'],
];

/**
 * Market price monitoring: the socially significant products, admin-set baselines per product and
 * region, and the prices inspectors observe at markets, each stored with the baseline it was judged
 * against (so a later change of baseline never rewrites why an observation was or was not flagged).
 *
 * `observed_on` is the office's civil day of `observed_at`: the rolling median is over whole days, and a
 * market has one price per product per day. The index on (product, region, day) with the price included
 * lets the median of a window be read from the index alone.
 */
export class PriceObservations1764250000000 implements MigrationInterface {
  name = 'PriceObservations1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,49}$'),
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        name_en text NOT NULL,
        unit text NOT NULL CHECK (unit IN (${list(UNITS)})),
        -- Overrides PRICE_RISE_THRESHOLD_PERCENT for this product (volatile vegetables, say).
        rise_threshold_percent numeric(6, 2) CHECK (rise_threshold_percent > 0 AND rise_threshold_percent <= 1000),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const [code, unit, nameKk, nameRu, nameEn] of PRODUCTS) {
      await db.query(`INSERT INTO products (code, unit, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5)`, [
        code,
        unit,
        nameKk,
        nameRu,
        nameEn,
      ]);
    }

    await db.query(`
      CREATE TABLE price_baselines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        price numeric(12, 2) NOT NULL CHECK (price > 0),
        valid_from date NOT NULL,
        valid_to date,
        note text,
        set_by_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT price_baselines_period_in_order CHECK (valid_to >= valid_from),
        -- One admin baseline per product, region and day, so which one applies is never a guess.
        CONSTRAINT price_baselines_no_overlap EXCLUDE USING gist (
          product_id WITH =, region_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await db.query(`CREATE INDEX price_baselines_region_idx ON price_baselines (region_id, valid_from DESC)`);

    await db.query(`
      CREATE TABLE price_observations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        unit text NOT NULL CHECK (unit IN (${list(UNITS)})),
        price numeric(12, 2) NOT NULL CHECK (price > 0),
        market_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        observed_at timestamptz NOT NULL,
        observed_on date NOT NULL,
        inspector_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        inspection_id uuid REFERENCES inspections (id) ON DELETE RESTRICT,
        -- Half-tenge-cent medians of two middle prices stay exact with three decimals.
        baseline_price numeric(15, 3) CHECK (baseline_price > 0),
        baseline_source text NOT NULL CHECK (baseline_source IN (${list(SOURCES)})),
        baseline_observations integer CHECK (baseline_observations >= 0),
        rise_percent numeric(9, 2),
        threshold_percent numeric(6, 2) NOT NULL CHECK (threshold_percent > 0),
        flagged boolean NOT NULL DEFAULT false,
        finding_id uuid UNIQUE REFERENCES findings (id) ON DELETE RESTRICT,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT price_observations_one_per_day UNIQUE (product_id, market_id, observed_on),
        CONSTRAINT price_observations_baseline_known CHECK (
          (baseline_source = 'none') = (baseline_price IS NULL AND rise_percent IS NULL)),
        CONSTRAINT price_observations_median_counted CHECK (
          (baseline_source = 'median') = (baseline_observations IS NOT NULL)),
        CONSTRAINT price_observations_flagged_above CHECK (
          NOT flagged OR (baseline_price IS NOT NULL AND price * 100 > baseline_price * (100 + threshold_percent))),
        CONSTRAINT price_observations_finding_flagged CHECK (finding_id IS NULL OR flagged)
      )`);
    // The baseline median: one product in one region over a window of days, prices from the index alone.
    await db.query(`
      CREATE INDEX price_observations_baseline_idx ON price_observations (product_id, region_id, observed_on)
        INCLUDE (price)`);
    // Lists: the caller's region first (permissions), newest first; a market's chart; flagged ones.
    await db.query(
      `CREATE INDEX price_observations_region_observed_idx ON price_observations (region_id, observed_at DESC, id)`,
    );
    await db.query(`CREATE INDEX price_observations_observed_idx ON price_observations (observed_at DESC, id)`);
    await db.query(
      `CREATE INDEX price_observations_market_product_idx ON price_observations (market_id, product_id, observed_on)`,
    );
    await db.query(
      `CREATE INDEX price_observations_flagged_idx ON price_observations (region_id, observed_at DESC) WHERE flagged`,
    );
    await db.query(
      `CREATE INDEX price_observations_inspection_idx ON price_observations (inspection_id) WHERE inspection_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX price_observations_inspector_idx ON price_observations (inspector_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE price_observations`);
    await db.query(`DROP TABLE price_baselines`);
    await db.query(`DROP TABLE products`);
  }
}
