import { subject as asSubject } from '@casl/ability';
import { defineAbilityFor, ROLES, type SubjectRecord } from '@adaldesk/libs';
import { readableFields } from './readable-fields.js';

const ALMATY = '00000000-0000-4000-8000-000000000001';
const ASTANA = '00000000-0000-4000-8000-000000000002';
const ME = '00000000-0000-4000-8000-0000000000aa';
const SOMEONE = '00000000-0000-4000-8000-0000000000bb';

const FIELDS = [
  'id',
  'number',
  'regionId',
  'confidential',
  'registeredById',
  'assigneeId',
  'applicantName',
  'applicantIin',
  'applicantPhone',
  'description',
  'status',
];

const appeals = [
  { regionId: ALMATY, confidential: false, registeredById: SOMEONE, assigneeId: null },
  { regionId: ALMATY, confidential: true, registeredById: SOMEONE, assigneeId: null },
  { regionId: ALMATY, confidential: true, registeredById: ME, assigneeId: null },
  { regionId: ALMATY, confidential: true, registeredById: SOMEONE, assigneeId: ME },
  { regionId: ASTANA, confidential: false, registeredById: SOMEONE, assigneeId: ME },
].map((scope) => ({
  id: 'x',
  number: 'AP-2026-000001',
  applicantName: 'A',
  description: 'd',
  status: 'new',
  ...scope,
}));

describe('readableFields', () => {
  for (const role of ROLES) {
    for (const regionId of [ALMATY, null]) {
      it(`says what field-by-field checks say, for a ${regionId ? 'regional' : 'national'} ${role}`, () => {
        const ability = defineAbilityFor({ id: ME, role, regionId });
        for (const action of ['read', 'export', 'update']) {
          for (const record of appeals) {
            const subject = asSubject('appeals', { ...record }) as SubjectRecord;
            const expected = FIELDS.filter((field) => ability.can(action, subject, field));
            // Twice: the second answer comes from the cached groups.
            expect(readableFields(ability, action, 'appeals', subject, FIELDS)).toEqual(expected);
            expect(readableFields(ability, action, 'appeals', subject, FIELDS)).toEqual(expected);
          }
        }
      });
    }
  }

  it('hides applicants from an inspector but keeps the order of the rest', () => {
    const ability = defineAbilityFor({ id: ME, role: 'inspector', regionId: ALMATY });
    const subject = asSubject('appeals', { ...appeals[0] }) as SubjectRecord;
    expect(readableFields(ability, 'read', 'appeals', subject, FIELDS)).toEqual([
      'id',
      'number',
      'regionId',
      'confidential',
      'registeredById',
      'assigneeId',
      'description',
      'status',
    ]);
  });
});
