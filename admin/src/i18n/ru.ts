import russianMessages from 'ra-language-russian';
import type { AppMessages } from './en';

// ra-language-russian 5.4.5 keeps a `prev` key that react-admin 5 no longer uses.
const { prev: _unused, ...navigation } = russianMessages.ra.navigation;

/**
 * Russian: react-admin's messages from ra-language-russian, with the keys it lacks for react-admin 5.15
 * added and a few wordings corrected. Russian counts take three forms (1 / 2–4 / 5+).
 */
export const ru: AppMessages = {
  ra: {
    ...russianMessages.ra,
    navigation,
    page: {
      ...russianMessages.ra.page,
      create: '%{name}: создание',
      empty: '%{name}: записей пока нет.',
      invite: 'Хотите добавить запись?',
    },
    message: {
      ...russianMessages.ra.message,
      delete_content: 'Вы уверены, что хотите удалить эту запись?',
    },
    sort: {
      ...russianMessages.ra.sort,
      sort_by: 'Сортировать по полю «%{field_lower_first}» в порядке %{order}',
    },
    auth: {
      ...russianMessages.ra.auth,
      email: 'Электронная почта',
    },
    notification: {
      ...russianMessages.ra.notification,
      data_provider_error: 'Ошибка провайдера данных. Подробности в консоли.',
    },
    validation: {
      ...russianMessages.ra.validation,
      number: 'Должно быть числом',
    },
    guesser: {
      empty: {
        title: 'Нет данных для отображения',
        message: 'Проверьте провайдер данных',
      },
    },
  },
  app: {
    home: {
      title: 'Главная',
      welcome: 'Добро пожаловать, %{name}',
      role: 'Роль',
      region: 'Регион',
      hint: 'Откройте в меню списки, к которым у вас есть доступ.',
    },
    auth: {
      wrong_credentials: 'Неверная электронная почта или пароль, либо учётная запись отключена.',
      invalid_input: 'Введите корректный адрес электронной почты и пароль.',
    },
    errors: {
      forbidden: 'У вас нет прав на это действие.',
      stale_version: 'Запись тем временем изменил другой пользователь. Обновите страницу и внесите изменения заново.',
      conflict: 'Изменение противоречит существующим данным.',
      too_many_requests: 'Слишком много попыток. Подождите немного и повторите.',
    },
    validation: {
      bin: 'Неверный БИН: 12 цифр с правильной контрольной цифрой',
      region_code: 'Формат KZ-ALM (KZ-, затем от 2 до 6 заглавных букв или цифр)',
      code: 'Строчные латинские буквы, цифры и _, начиная с буквы (например, school_repairs)',
      password_too_short: 'Не менее %{min} символов',
      password_too_long: 'Не более %{max} символов',
      password_letters_and_digits: 'Должен содержать и буквы, и цифры',
      password_repetitive: 'Не должен повторять одни и те же несколько символов',
      password_contains_email: 'Не должен содержать имя из адреса электронной почты',
      password_weak: 'Слишком простой пароль (%{reason})',
    },
    national: 'Республиканский уровень (все регионы)',
    system: 'Система',
    users: {
      password_help_create: 'Не менее 10 символов, буквы и цифры.',
      password_help_edit: 'Оставьте пустым, чтобы сохранить текущий пароль.',
      active_help: 'Пользователи не удаляются: вместо этого отключите учётную запись.',
    },
    calendar: {
      help: 'Перечислены только отступления от недели понедельник–пятница: праздничные дни, перенесённые выходные и рабочие выходные дни.',
    },
    sla_policies: {
      goal_help: 'Срок отсчитывается со дня, следующего за днём регистрации.',
    },
    audit: {
      changes: 'Изменения',
    },
  },
  enums: {
    role: {
      officer: 'Сотрудник проектного офиса',
      inspector: 'Инспектор',
      manager: 'Руководитель',
      auditor: 'Аудитор',
      admin: 'Администратор системы',
    },
    regionKind: {
      oblast: 'Область',
      city: 'Город республиканского значения',
    },
    organisationType: {
      state_body: 'Государственный орган',
      akimat: 'Акимат',
      school: 'Школа',
      market: 'Рынок',
      law_enforcement: 'Правоохранительный орган',
      healthcare: 'Организация здравоохранения',
      utility: 'Коммунальная служба',
      company: 'Компания',
      other: 'Другое',
    },
    calendarDayKind: {
      holiday: 'Праздничный день',
      day_off: 'Выходной день (перенесённый)',
      working_day: 'Рабочий день (перенесённый)',
    },
    slaUnit: {
      working_days: 'Рабочие дни',
      working_hours: 'Рабочие часы',
    },
    auditAction: {
      create: 'Создано',
      update: 'Изменено',
      delete: 'Удалено',
    },
  },
  resources: {
    appeals: { name: 'Обращение |||| Обращения |||| Обращения' },
    inspections: { name: 'Проверка |||| Проверки |||| Проверки' },
    findings: { name: 'Выявленное нарушение |||| Выявленные нарушения |||| Выявленные нарушения' },
    'corrective-actions': { name: 'Корректирующая мера |||| Корректирующие меры |||| Корректирующие меры' },
    'price-observations': { name: 'Наблюдение цены |||| Наблюдения цен |||| Наблюдения цен' },
    referrals: {
      name: 'Направление в правоохранительные органы |||| Направления в правоохранительные органы |||| Направления в правоохранительные органы',
    },
    notifications: { name: 'Уведомление |||| Уведомления |||| Уведомления' },
    users: {
      name: 'Пользователь |||| Пользователи |||| Пользователи',
      fields: {
        email: 'Электронная почта',
        fullName: 'ФИО',
        role: 'Роль',
        regionId: 'Регион',
        active: 'Активен',
        password: 'Пароль',
        lastLoginAt: 'Последний вход',
        createdAt: 'Создан',
      },
    },
    regions: {
      name: 'Регион |||| Регионы |||| Регионы',
      fields: {
        code: 'Код',
        kind: 'Вид',
        nameKk: 'Название (на казахском)',
        nameRu: 'Название (на русском)',
        nameEn: 'Название (на английском)',
      },
    },
    organisations: {
      name: 'Организация |||| Организации |||| Организации',
      fields: {
        name: 'Наименование',
        bin: 'БИН',
        type: 'Тип',
        regionId: 'Регион',
        address: 'Адрес',
      },
    },
    categories: {
      name: 'Категория |||| Категории |||| Категории',
      fields: {
        code: 'Код',
        nameKk: 'Название (на казахском)',
        nameRu: 'Название (на русском)',
        nameEn: 'Название (на английском)',
        slaPolicyId: 'Норматив срока',
        active: 'Активна',
      },
    },
    'sla-policies': {
      name: 'Норматив срока |||| Нормативы сроков |||| Нормативы сроков',
      fields: {
        code: 'Код',
        name: 'Название',
        goalAmount: 'Срок',
        goalUnit: 'Единица',
        warningPercent: 'Предупреждение, % срока',
        maxExtensionDays: 'Наибольшее продление срока, дней',
      },
    },
    'calendar-days': {
      name: 'День календаря |||| Производственный календарь |||| Производственный календарь',
      fields: {
        date: 'Дата',
        kind: 'Вид',
        nameKk: 'Название (на казахском)',
        nameRu: 'Название (на русском)',
        nameEn: 'Название (на английском)',
        year: 'Год',
      },
    },
    'audit-events': {
      name: 'Запись журнала |||| Журнал действий |||| Журнал действий',
      fields: {
        occurredAt: 'Время',
        actorId: 'Пользователь',
        actorEmail: 'Электронная почта пользователя',
        actorRole: 'Роль',
        action: 'Действие',
        entityType: 'Тип записи',
        entityId: 'Идентификатор записи',
        regionId: 'Регион',
        before: 'До изменения',
        after: 'После изменения',
        requestId: 'Идентификатор запроса',
        ip: 'IP-адрес',
      },
    },
  },
};
