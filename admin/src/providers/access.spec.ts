import { type Actor, APPEAL_ACTIONS, type AppealAction, type Role, ROLES } from '@adaldesk/libs';
import { canAccess } from './access';

const ALMATY = '0b8f6c1e-0000-4000-8000-000000000001';
const ASTANA = '0b8f6c1e-0000-4000-8000-000000000002';

const actor = (role: Role, regionId: string | null = ALMATY): Actor => ({ id: `${role}-1`, role, regionId });

const SCREEN_ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export'] as const;
type ScreenAction = (typeof SCREEN_ACTIONS)[number];

const ALL = 'list show create edit delete export';
const READ = 'list show';
const READ_EXPORT = 'list show export';

/**
 * What each role may do on each screen of the admin, read off libs/src/permissions/abilities.ts.
 * A change to the shared rules shows up here as a diff.
 */
const EXPECTED: Record<string, Record<Role, string>> = {
  // Appeals are never deleted, not even by an admin (NEVER_DELETED); inspectors read them (without
  // applicants), auditors also export them.
  appeals: {
    admin: 'list show create edit export',
    manager: 'list show create edit export',
    officer: 'list show create edit export',
    inspector: READ,
    auditor: READ_EXPORT,
  },
  // Users are deactivated, never deleted: the audit trail keeps naming them.
  users: { admin: 'list show create edit export', manager: READ, officer: READ, inspector: READ, auditor: READ },
  // Reference data: everyone reads and exports it.
  regions: { admin: ALL, manager: READ_EXPORT, officer: READ_EXPORT, inspector: READ_EXPORT, auditor: READ_EXPORT },
  categories: {
    admin: ALL,
    manager: READ_EXPORT,
    officer: READ_EXPORT,
    inspector: READ_EXPORT,
    auditor: READ_EXPORT,
  },
  'calendar-days': {
    admin: ALL,
    manager: READ_EXPORT,
    officer: READ_EXPORT,
    inspector: READ_EXPORT,
    auditor: READ_EXPORT,
  },
  'sla-policies': {
    admin: ALL,
    manager: READ_EXPORT,
    officer: READ_EXPORT,
    inspector: READ_EXPORT,
    auditor: READ_EXPORT,
  },
  organisations: {
    admin: ALL,
    manager: 'list show create edit export',
    officer: 'list show create export',
    inspector: 'list show create export',
    auditor: READ_EXPORT,
  },
  // Append-only: not even an admin writes the audit trail.
  'audit-events': { admin: READ_EXPORT, manager: READ_EXPORT, officer: '', inspector: '', auditor: READ_EXPORT },
  // Each user's own: the API scopes them to the signed-in user.
  notifications: {
    admin: ALL,
    manager: 'list show edit',
    officer: 'list show edit',
    inspector: 'list show edit',
    auditor: 'list show edit',
  },
  // Inspectors plan and edit the inspections they lead or are on; nobody deletes one, an admin neither.
  inspections: {
    admin: 'list show create edit export',
    manager: 'list show create edit export',
    officer: READ_EXPORT,
    inspector: 'list show create edit export',
    auditor: READ_EXPORT,
  },
  findings: {
    admin: ALL,
    manager: ALL,
    officer: READ_EXPORT,
    inspector: ALL,
    auditor: READ_EXPORT,
  },
};

describe('canAccess: the permission matrix of the admin screens', () => {
  const cases = Object.entries(EXPECTED).flatMap(([resource, byRole]) =>
    ROLES.flatMap((role) =>
      SCREEN_ACTIONS.map((action): [string, Role, ScreenAction, boolean] => [
        resource,
        role,
        action,
        byRole[role].split(' ').includes(action),
      ]),
    ),
  );

  it.each(cases)('%s: %s may %s → %s', (resource, role, action, expected) => {
    expect(canAccess(actor(role), { resource, action })).toBe(expected);
  });
});

describe('canAccess: cases named in the design', () => {
  it('lets an admin edit users', () => {
    expect(canAccess(actor('admin', null), { resource: 'users', action: 'edit' })).toBe(true);
  });

  it('does not let an officer create users', () => {
    expect(canAccess(actor('officer'), { resource: 'users', action: 'create' })).toBe(false);
  });

  it('lets an officer list regions but not edit them', () => {
    expect(canAccess(actor('officer'), { resource: 'regions', action: 'list' })).toBe(true);
    expect(canAccess(actor('officer'), { resource: 'regions', action: 'edit' })).toBe(false);
  });

  it('lets an auditor list the audit trail, and not an inspector', () => {
    expect(canAccess(actor('auditor'), { resource: 'audit-events', action: 'list' })).toBe(true);
    expect(canAccess(actor('inspector'), { resource: 'audit-events', action: 'list' })).toBe(false);
  });

  it('lets a manager edit an organisation but not delete it', () => {
    const organisation = { id: 'o1', name: 'Akimat of Almaty', regionId: ALMATY };
    expect(canAccess(actor('manager'), { resource: 'organisations', action: 'edit', record: organisation })).toBe(true);
    expect(canAccess(actor('manager'), { resource: 'organisations', action: 'delete', record: organisation })).toBe(
      false,
    );
  });
});

describe('canAccess: records are checked against the region scope', () => {
  const inAstana = { id: 'o2', name: 'School No. 5', regionId: ASTANA };

  it('does not let a regional manager edit an organisation of another region', () => {
    expect(canAccess(actor('manager', ALMATY), { resource: 'organisations', action: 'edit', record: inAstana })).toBe(
      false,
    );
  });

  it('lets a national manager edit an organisation of any region', () => {
    expect(canAccess(actor('manager', null), { resource: 'organisations', action: 'edit', record: inAstana })).toBe(
      true,
    );
  });

  it('shows a regional auditor only the audit events of their region', () => {
    const event = (regionId: string) => ({ id: '1', action: 'update', entityType: 'organisations', regionId });
    const auditor = actor('auditor', ALMATY);
    expect(canAccess(auditor, { resource: 'audit-events', action: 'show', record: event(ALMATY) })).toBe(true);
    expect(canAccess(auditor, { resource: 'audit-events', action: 'show', record: event(ASTANA) })).toBe(false);
  });

  it('does not alter the record it is given', () => {
    const record = { id: 'o3', regionId: ALMATY };
    canAccess(actor('manager'), { resource: 'organisations', action: 'edit', record });
    expect(Object.getOwnPropertyNames(record)).toEqual(['id', 'regionId']);
  });
});

describe('canAccess: fields, other actions and unknown input', () => {
  it('checks a field when the resource names one (`appeals.applicantName`)', () => {
    expect(canAccess(actor('officer'), { resource: 'appeals.applicantName', action: 'show' })).toBe(true);
    expect(canAccess(actor('inspector'), { resource: 'appeals.applicantName', action: 'show' })).toBe(false);
    expect(canAccess(actor('auditor'), { resource: 'appeals.description', action: 'show' })).toBe(true);
  });

  it('passes actions react-admin does not name straight to the rules', () => {
    expect(canAccess(actor('manager'), { resource: 'appeals', action: 'update' })).toBe(true);
    expect(canAccess(actor('auditor'), { resource: 'appeals', action: 'update' })).toBe(false);
  });

  it('refuses everything without a signed-in user', () => {
    expect(canAccess(null, { resource: 'regions', action: 'list' })).toBe(false);
  });

  it('refuses a resource the rules do not know', () => {
    expect(canAccess(actor('admin', null), { resource: 'secrets', action: 'list' })).toBe(false);
  });

  it('answers for the user it is given, not the one asked about before', () => {
    expect(canAccess(actor('admin', null), { resource: 'users', action: 'create' })).toBe(true);
    expect(canAccess(actor('officer'), { resource: 'users', action: 'create' })).toBe(false);
    expect(canAccess(actor('admin', null), { resource: 'users', action: 'create' })).toBe(true);
  });
});

describe('canAccess: the workflow steps of an appeal', () => {
  const appeal = (fields: Record<string, unknown> = {}) => ({
    id: 'a1',
    regionId: ALMATY,
    status: 'in_progress',
    confidential: false,
    registeredById: 'officer-2',
    assigneeId: null,
    ...fields,
  });

  /** The steps each role may take on an ordinary appeal of their region, by the shared rules. */
  const STEPS: Record<Role, string> = {
    admin: APPEAL_ACTIONS.join(' '),
    manager: APPEAL_ACTIONS.join(' '),
    officer: 'triage start request-info resume request-extension forward resolve',
    inspector: '',
    auditor: '',
  };

  const cases = ROLES.flatMap((role) =>
    APPEAL_ACTIONS.map((action): [Role, AppealAction, boolean] => [
      role,
      action,
      STEPS[role].split(' ').includes(action),
    ]),
  );

  it.each(cases)('%s may %s → %s', (role, action, expected) => {
    expect(
      canAccess(actor(role, role === 'admin' ? null : ALMATY), { resource: 'appeals', action, record: appeal() }),
    ).toBe(expected);
  });

  it('lets an officer triage but not close', () => {
    expect(canAccess(actor('officer'), { resource: 'appeals', action: 'triage', record: appeal() })).toBe(true);
    expect(canAccess(actor('officer'), { resource: 'appeals', action: 'close', record: appeal() })).toBe(false);
  });

  it('lets a manager approve an extension, in their region only', () => {
    expect(canAccess(actor('manager'), { resource: 'appeals', action: 'approve-extension', record: appeal() })).toBe(
      true,
    );
    expect(
      canAccess(actor('manager'), {
        resource: 'appeals',
        action: 'approve-extension',
        record: appeal({ regionId: ASTANA }),
      }),
    ).toBe(false);
  });

  it('gives an inspector no step at all', () => {
    const allowed = APPEAL_ACTIONS.filter((action) =>
      canAccess(actor('inspector'), { resource: 'appeals', action, record: appeal() }),
    );
    expect(allowed).toEqual([]);
  });

  it('hides a confidential appeal registered by another officer from an officer', () => {
    const confidential = appeal({ confidential: true, registeredById: 'officer-2' });
    expect(canAccess(actor('officer'), { resource: 'appeals', action: 'show', record: confidential })).toBe(false);
    expect(canAccess(actor('officer'), { resource: 'appeals', action: 'triage', record: confidential })).toBe(false);
    // ...but not from the officer who registered it, its assignee, or the region's manager.
    expect(
      canAccess(actor('officer'), {
        resource: 'appeals',
        action: 'show',
        record: { ...confidential, registeredById: 'officer-1' },
      }),
    ).toBe(true);
    expect(
      canAccess(actor('officer'), {
        resource: 'appeals',
        action: 'show',
        record: { ...confidential, assigneeId: 'officer-1' },
      }),
    ).toBe(true);
    expect(canAccess(actor('manager'), { resource: 'appeals', action: 'show', record: confidential })).toBe(true);
  });

  it('does not show an auditor a confidential appeal, nor its applicant', () => {
    expect(canAccess(actor('auditor', null), { resource: 'appeals', action: 'show', record: appeal() })).toBe(true);
    expect(
      canAccess(actor('auditor', null), {
        resource: 'appeals',
        action: 'show',
        record: appeal({ confidential: true }),
      }),
    ).toBe(false);
    expect(canAccess(actor('auditor', null), { resource: 'appeals.applicantIin', action: 'show' })).toBe(false);
  });
});

describe('canAccess: inspections are acted on by their lead and team', () => {
  const inspection = (fields: Record<string, unknown>) => ({
    id: 'i1',
    regionId: ALMATY,
    leadInspectorId: 'someone-else',
    teamIds: [] as string[],
    ...fields,
  });
  const inspector = actor('inspector');

  it('lets the lead and a team member start it, and not another inspector of the region', () => {
    expect(
      canAccess(inspector, {
        resource: 'inspections',
        action: 'start',
        record: inspection({ leadInspectorId: 'inspector-1' }),
      }),
    ).toBe(true);
    expect(
      canAccess(inspector, {
        resource: 'inspections',
        action: 'start',
        record: inspection({ teamIds: ['x', 'inspector-1'] }),
      }),
    ).toBe(true);
    expect(canAccess(inspector, { resource: 'inspections', action: 'start', record: inspection({}) })).toBe(false);
    expect(canAccess(inspector, { resource: 'inspections', action: 'show', record: inspection({}) })).toBe(true);
  });

  it('leaves the sign-off to the head', () => {
    const own = inspection({ leadInspectorId: 'inspector-1' });
    expect(canAccess(inspector, { resource: 'inspections', action: 'close', record: own })).toBe(false);
    expect(canAccess(actor('manager'), { resource: 'inspections', action: 'close', record: own })).toBe(true);
  });

  it('hides other regions', () => {
    const elsewhere = inspection({ regionId: ASTANA, leadInspectorId: 'inspector-1' });
    expect(canAccess(inspector, { resource: 'inspections', action: 'show', record: elsewhere })).toBe(false);
    expect(canAccess(actor('manager'), { resource: 'inspections', action: 'show', record: elsewhere })).toBe(false);
  });
});
