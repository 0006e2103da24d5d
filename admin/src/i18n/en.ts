import englishMessages from 'ra-language-english';

/**
 * English: react-admin's own messages plus AdalDesk's. This file fixes the shape; `kk` and `ru` must
 * have exactly the same keys (checked by the type below and by i18n.spec.ts).
 */
export const en = {
  ra: {
    ...englishMessages.ra,
    page: {
      ...englishMessages.ra.page,
      // The first page is a home page, not a dashboard of figures.
      dashboard: 'Home',
    },
  },
  app: {
    home: {
      title: 'Home',
      welcome: 'Welcome, %{name}',
      role: 'Role',
      region: 'Region',
      hint: 'Use the menu to open the lists you have access to.',
    },
    auth: {
      wrong_credentials: 'Wrong e-mail or password, or the account is deactivated.',
      invalid_input: 'Enter a valid e-mail address and a password.',
    },
    errors: {
      forbidden: 'You do not have permission to do this.',
      stale_version:
        'Someone else has changed this record in the meantime. Reload the page and make your changes again.',
      conflict: 'The change conflicts with existing data.',
      too_many_requests: 'Too many attempts. Wait a little and try again.',
    },
    validation: {
      bin: 'Not a valid BIN: 12 digits with a correct check digit',
      region_code: 'Must look like KZ-ALM (KZ-, then 2 to 6 capital letters or digits)',
      code: 'Lower-case Latin letters, digits and _, starting with a letter (e.g. school_repairs)',
      password_too_short: 'Must be at least %{min} characters long',
      password_too_long: 'Must be at most %{max} characters long',
      password_letters_and_digits: 'Must contain both letters and digits',
      password_repetitive: 'Must not repeat the same few characters',
      password_contains_email: 'Must not contain the name part of the e-mail address',
      password_weak: 'The password is too weak (%{reason})',
    },
    national: 'National (all regions)',
    system: 'System',
    users: {
      password_help_create: 'At least 10 characters, letters and digits.',
      password_help_edit: 'Leave empty to keep the current password.',
      active_help: 'Users are never deleted: deactivate them instead.',
    },
    calendar: {
      help: 'Only exceptions to the Monday–Friday week are listed: holidays, moved days off, and weekends made working.',
    },
    sla_policies: {
      goal_help: 'Deadline counted from the day after registration.',
    },
    audit: {
      changes: 'Changes',
    },
  },
  enums: {
    role: {
      officer: 'Project office officer',
      inspector: 'Monitoring inspector',
      manager: 'Manager',
      auditor: 'Auditor',
      admin: 'System administrator',
    },
    regionKind: {
      oblast: 'Oblast',
      city: 'City of republican significance',
    },
    organisationType: {
      state_body: 'State body',
      akimat: 'Akimat',
      school: 'School',
      market: 'Market',
      law_enforcement: 'Law enforcement body',
      healthcare: 'Healthcare organisation',
      utility: 'Utility service',
      company: 'Company',
      other: 'Other',
    },
    calendarDayKind: {
      holiday: 'Holiday',
      day_off: 'Day off (moved)',
      working_day: 'Working day (moved)',
    },
    slaUnit: {
      working_days: 'Working days',
      working_hours: 'Working hours',
    },
    auditAction: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
    },
  },
  resources: {
    appeals: { name: 'Appeal |||| Appeals' },
    inspections: { name: 'Inspection |||| Inspections' },
    findings: { name: 'Finding |||| Findings' },
    'corrective-actions': { name: 'Corrective action |||| Corrective actions' },
    'price-observations': { name: 'Price observation |||| Price observations' },
    referrals: { name: 'Referral to law enforcement |||| Referrals to law enforcement' },
    notifications: { name: 'Notification |||| Notifications' },
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'E-mail',
        fullName: 'Full name',
        role: 'Role',
        regionId: 'Region',
        active: 'Active',
        password: 'Password',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
      },
    },
    regions: {
      name: 'Region |||| Regions',
      fields: {
        code: 'Code',
        kind: 'Kind',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
      },
    },
    organisations: {
      name: 'Organisation |||| Organisations',
      fields: {
        name: 'Name',
        bin: 'BIN',
        type: 'Type',
        regionId: 'Region',
        address: 'Address',
      },
    },
    categories: {
      name: 'Category |||| Categories',
      fields: {
        code: 'Code',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        slaPolicyId: 'SLA policy',
        active: 'Active',
      },
    },
    'sla-policies': {
      name: 'SLA policy |||| SLA policies',
      fields: {
        code: 'Code',
        name: 'Name',
        goalAmount: 'Deadline',
        goalUnit: 'Unit',
        warningPercent: 'Warning at, % of the time',
        maxExtensionDays: 'Longest extension, days',
      },
    },
    'calendar-days': {
      name: 'Calendar day |||| Working calendar',
      fields: {
        date: 'Date',
        kind: 'Kind',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        year: 'Year',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit trail',
      fields: {
        occurredAt: 'Time',
        actorId: 'User',
        actorEmail: 'User e-mail',
        actorRole: 'Role',
        action: 'Action',
        entityType: 'Record type',
        entityId: 'Record id',
        regionId: 'Region',
        before: 'Before',
        after: 'After',
        requestId: 'Request id',
        ip: 'IP address',
      },
    },
  },
};

export type AppMessages = typeof en;
