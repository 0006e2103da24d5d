import { type Actor, type Role, ROLES } from '@adaldesk/libs';
import { canAccess } from '../providers/access';

const ALMATY = '0b8f6c1e-0000-4000-8000-000000000001';
const ASTANA = '0b8f6c1e-0000-4000-8000-000000000002';
const actor = (role: Role, regionId: string | null = ALMATY): Actor => ({ id: `${role}-1`, role, regionId });

const SCREEN_ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export', 'open-finding'] as const;

/** Which screens and buttons of market prices each role gets, read off the shared rules. */
const EXPECTED: Record<string, Record<Role, string>> = {
  'price-observations': {
    admin: 'list show create edit delete export open-finding',
    manager: 'list show export',
    officer: 'list show export',
    inspector: 'list show create edit delete export open-finding',
    auditor: 'list show export',
  },
  products: {
    admin: 'list show create edit delete export open-finding',
    manager: 'list show export',
    officer: 'list show export',
    inspector: 'list show export',
    auditor: 'list show export',
  },
  'price-baselines': {
    admin: 'list show create edit delete export open-finding',
    manager: 'list show export',
    officer: 'list show export',
    inspector: 'list show export',
    auditor: 'list show export',
  },
};

describe('market prices in the admin', () => {
  it.each(Object.keys(EXPECTED))('%s: each role gets exactly its screens and buttons', (resource) => {
    const granted = Object.fromEntries(
      ROLES.map((role) => [
        role,
        SCREEN_ACTIONS.filter((action) => canAccess(actor(role), { resource, action })).join(' '),
      ]),
    );
    expect(granted).toEqual(EXPECTED[resource]);
  });

  it("shows an inspector 'Open finding' on a flagged price of their region only", () => {
    const inspector = actor('inspector');
    const request = (regionId: string) => ({
      resource: 'price-observations',
      action: 'open-finding',
      record: { id: 'p', regionId, flagged: true },
    });
    expect(canAccess(inspector, request(ALMATY))).toBe(true);
    expect(canAccess(inspector, request(ASTANA))).toBe(false);
    expect(canAccess(actor('manager'), request(ALMATY))).toBe(false);
  });
});
