import type { OrganisationType, RegionKind, SlaUnit } from '@adaldesk/libs';

interface RegionSeed {
  code: string;
  kind: RegionKind;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** The 17 oblasts and 3 cities of republican significance, with their ISO 3166-2:KZ codes. */
export const REGIONS: RegionSeed[] = [
  { code: 'KZ-10', kind: 'oblast', nameKk: 'Абай облысы', nameRu: 'Абайская область', nameEn: 'Abai Region' },
  { code: 'KZ-11', kind: 'oblast', nameKk: 'Ақмола облысы', nameRu: 'Акмолинская область', nameEn: 'Akmola Region' },
  { code: 'KZ-15', kind: 'oblast', nameKk: 'Ақтөбе облысы', nameRu: 'Актюбинская область', nameEn: 'Aktobe Region' },
  { code: 'KZ-19', kind: 'oblast', nameKk: 'Алматы облысы', nameRu: 'Алматинская область', nameEn: 'Almaty Region' },
  { code: 'KZ-23', kind: 'oblast', nameKk: 'Атырау облысы', nameRu: 'Атырауская область', nameEn: 'Atyrau Region' },
  {
    code: 'KZ-27',
    kind: 'oblast',
    nameKk: 'Батыс Қазақстан облысы',
    nameRu: 'Западно-Казахстанская область',
    nameEn: 'West Kazakhstan Region',
  },
  { code: 'KZ-31', kind: 'oblast', nameKk: 'Жамбыл облысы', nameRu: 'Жамбылская область', nameEn: 'Jambyl Region' },
  { code: 'KZ-33', kind: 'oblast', nameKk: 'Жетісу облысы', nameRu: 'Область Жетісу', nameEn: 'Jetisu Region' },
  {
    code: 'KZ-35',
    kind: 'oblast',
    nameKk: 'Қарағанды облысы',
    nameRu: 'Карагандинская область',
    nameEn: 'Karaganda Region',
  },
  {
    code: 'KZ-39',
    kind: 'oblast',
    nameKk: 'Қостанай облысы',
    nameRu: 'Костанайская область',
    nameEn: 'Kostanay Region',
  },
  {
    code: 'KZ-43',
    kind: 'oblast',
    nameKk: 'Қызылорда облысы',
    nameRu: 'Кызылординская область',
    nameEn: 'Kyzylorda Region',
  },
  {
    code: 'KZ-47',
    kind: 'oblast',
    nameKk: 'Маңғыстау облысы',
    nameRu: 'Мангистауская область',
    nameEn: 'Mangystau Region',
  },
  {
    code: 'KZ-55',
    kind: 'oblast',
    nameKk: 'Павлодар облысы',
    nameRu: 'Павлодарская область',
    nameEn: 'Pavlodar Region',
  },
  {
    code: 'KZ-59',
    kind: 'oblast',
    nameKk: 'Солтүстік Қазақстан облысы',
    nameRu: 'Северо-Казахстанская область',
    nameEn: 'North Kazakhstan Region',
  },
  {
    code: 'KZ-61',
    kind: 'oblast',
    nameKk: 'Түркістан облысы',
    nameRu: 'Туркестанская область',
    nameEn: 'Turkistan Region',
  },
  { code: 'KZ-62', kind: 'oblast', nameKk: 'Ұлытау облысы', nameRu: 'Область Ұлытау', nameEn: 'Ulytau Region' },
  {
    code: 'KZ-63',
    kind: 'oblast',
    nameKk: 'Шығыс Қазақстан облысы',
    nameRu: 'Восточно-Казахстанская область',
    nameEn: 'East Kazakhstan Region',
  },
  { code: 'KZ-71', kind: 'city', nameKk: 'Астана қаласы', nameRu: 'город Астана', nameEn: 'Astana' },
  { code: 'KZ-75', kind: 'city', nameKk: 'Алматы қаласы', nameRu: 'город Алматы', nameEn: 'Almaty' },
  { code: 'KZ-79', kind: 'city', nameKk: 'Шымкент қаласы', nameRu: 'город Шымкент', nameEn: 'Shymkent' },
];

interface SlaPolicySeed {
  code: string;
  name: string;
  goalAmount: number;
  goalUnit: SlaUnit;
  warningPercent: number;
  maxExtensionDays: number;
  /** Warn this many working days before the deadline instead of at `warningPercent`. */
  warningDaysBefore?: number;
}

/** The legal defaults (APPC arts. 63, 64, 76), editable by an admin afterwards. */
export const SLA_POLICIES: SlaPolicySeed[] = [
  {
    code: 'appeal_standard',
    name: 'Appeal: 15 working days (APPC art. 76)',
    goalAmount: 15,
    goalUnit: 'working_days',
    warningPercent: 80,
    maxExtensionDays: 15,
  },
  {
    code: 'appeal_forward',
    name: 'Forwarding to the competent body: 3 working days',
    goalAmount: 3,
    goalUnit: 'working_days',
    warningPercent: 67,
    maxExtensionDays: 0,
  },
  {
    code: 'crime_report',
    name: 'Report of a crime: forwarded at once (1 working day)',
    goalAmount: 1,
    goalUnit: 'working_days',
    warningPercent: 50,
    maxExtensionDays: 0,
  },
  {
    code: 'corrective_action',
    name: 'Corrective action after an inspection: 30 working days',
    goalAmount: 30,
    goalUnit: 'working_days',
    warningPercent: 80,
    maxExtensionDays: 30,
    warningDaysBefore: 5,
  },
];

interface CategorySeed {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  slaPolicyCode: string;
}

export const CATEGORIES: CategorySeed[] = [
  {
    code: 'school_repairs',
    nameKk: 'Мектептерді күрделі жөндеу',
    nameRu: 'Капитальный ремонт школ',
    nameEn: 'School capital repairs',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'school_meals',
    nameKk: 'Мектептегі тамақтандыру',
    nameRu: 'Школьное питание',
    nameEn: 'School meals',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'public_procurement',
    nameKk: 'Мемлекеттік сатып алу',
    nameRu: 'Государственные закупки',
    nameEn: 'Public procurement',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'market_prices',
    nameKk: 'Азық-түлік бағасы',
    nameRu: 'Цены на продукты питания',
    nameEn: 'Food prices',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'land_relations',
    nameKk: 'Жер қатынастары',
    nameRu: 'Земельные отношения',
    nameEn: 'Land relations',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'housing_utilities',
    nameKk: 'Тұрғын үй-коммуналдық шаруашылық',
    nameRu: 'Жилищно-коммунальное хозяйство',
    nameEn: 'Housing and utilities',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'healthcare',
    nameKk: 'Денсаулық сақтау',
    nameRu: 'Здравоохранение',
    nameEn: 'Healthcare',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'social_support',
    nameKk: 'Әлеуметтік көмек',
    nameRu: 'Социальная помощь',
    nameEn: 'Social support',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'roads_transport',
    nameKk: 'Жолдар және көлік',
    nameRu: 'Дороги и транспорт',
    nameEn: 'Roads and transport',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'budget_spending',
    nameKk: 'Бюджет қаражатын жұмсау',
    nameRu: 'Расходование бюджетных средств',
    nameEn: 'Budget spending',
    slaPolicyCode: 'appeal_standard',
  },
  {
    code: 'corruption_report',
    nameKk: 'Сыбайлас жемқорлық туралы хабарлама',
    nameRu: 'Сообщение о коррупции',
    nameEn: 'Report of corruption',
    slaPolicyCode: 'crime_report',
  },
  { code: 'other', nameKk: 'Басқа', nameRu: 'Прочее', nameEn: 'Other', slaPolicyCode: 'appeal_standard' },
];

interface OrganisationSeed {
  name: string;
  /** The first 11 digits of the BIN; the check digit is computed. */
  binPrefix: string;
  type: OrganisationType;
  regionCode: string;
  address: string;
}

/** A handful of real-looking bodies for the demo office in Almaty (names and BINs are invented). */
export const DEMO_ORGANISATIONS: OrganisationSeed[] = [
  {
    name: 'Алматы қаласы Білім басқармасы',
    binPrefix: '99034000123',
    type: 'state_body',
    regionCode: 'KZ-75',
    address: 'Алматы қ., Абылай хан даңғылы, 91',
  },
  {
    name: '№ 45 жалпы білім беретін мектеп',
    binPrefix: '01054000456',
    type: 'school',
    regionCode: 'KZ-75',
    address: 'Алматы қ., Әуезов ауданы, 5-шағын аудан, 12',
  },
  {
    name: '№ 112 гимназия',
    binPrefix: '03094000789',
    type: 'school',
    regionCode: 'KZ-75',
    address: 'Алматы қ., Бостандық ауданы, Тимирязев к-сі, 40',
  },
  {
    name: '«Алтын Орда» базары',
    binPrefix: '05114000321',
    type: 'market',
    regionCode: 'KZ-75',
    address: 'Алматы қ., Жетісу ауданы, Райымбек даңғылы, 348',
  },
  {
    name: 'Әуезов ауданының әкімдігі',
    binPrefix: '98024000654',
    type: 'akimat',
    regionCode: 'KZ-75',
    address: 'Алматы қ., Әуезов ауданы, Жандосов к-сі, 98',
  },
  {
    name: 'Астана қаласы Денсаулық сақтау басқармасы',
    binPrefix: '99074000987',
    type: 'healthcare',
    regionCode: 'KZ-71',
    address: 'Астана қ., Бейбітшілік к-сі, 11',
  },
];

/** One demo account per role; they share this password, printed at start. */
export const DEMO_PASSWORD = 'AdalDesk-2026';
export const DEMO_USERS = [
  { email: 'admin@demo.adaldesk.kz', fullName: 'Айгерим Сейтқали', role: 'admin', regionCode: null },
  { email: 'manager@demo.adaldesk.kz', fullName: 'Ерлан Жақсыбеков', role: 'manager', regionCode: 'KZ-75' },
  { email: 'officer@demo.adaldesk.kz', fullName: 'Дина Омарова', role: 'officer', regionCode: 'KZ-75' },
  { email: 'inspector@demo.adaldesk.kz', fullName: 'Нұрлан Әбдірахманов', role: 'inspector', regionCode: 'KZ-75' },
  { email: 'auditor@demo.adaldesk.kz', fullName: 'Гүлнар Бекова', role: 'auditor', regionCode: null },
] as const;
