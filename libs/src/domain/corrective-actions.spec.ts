import { kazakhstanCalendarDays } from '../calendar/kazakhstan-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { defineAbilityFor } from '../permissions/abilities.js';
import type { SlaPolicyTerms } from '../sla/sla-clock.js';
import {
  CORRECTIVE_ACTION_ACTIONS,
  CORRECTIVE_ACTION_STATUSES,
  correctiveActionActionsFrom,
  correctiveActionDeadline,
  type CorrectiveActionTerm,
  formatCorrectiveActionNumber,
  nextCorrectiveActionStatus,
} from './corrective-actions.js';

/** Asia/Almaty, 09:00–18:00 (04:00Z–13:00Z), Kazakhstan holidays of 2026 (Nauryz: 21–25 March off). */
const calendar = new WorkingCalendar(kazakhstanCalendarDays(2026));
const policy: SlaPolicyTerms = {
  goalAmount: 30,
  goalUnit: 'working_days',
  warningPercent: 80,
  maxExtensionDays: 10,
  warningDaysBefore: 5,
};
const fridayMarch20At1000 = new Date('2026-03-20T05:00:00Z');

function deadline(term: Partial<CorrectiveActionTerm>, issuedAt = fridayMarch20At1000, extensionDays = 0) {
  const { dueAt, warningAt } = correctiveActionDeadline({
    calendar,
    policy,
    issuedAt,
    dueOn: term.dueOn ?? null,
    termWorkingDays: term.termWorkingDays ?? null,
    extensionDays,
  });
  return { dueAt: dueAt.toISOString(), warningAt: warningAt.toISOString() };
}

describe('corrective-action deadlines on the working calendar', () => {
  it('counts N working days from the day after issue, skipping Nauryz and its moved days off', () => {
    // Issued Friday 20 March; 21–25 March are off. Working days: 26, 27, 30, 31 March, 1 April.
    expect(deadline({ termWorkingDays: 5 }).dueAt).toBe('2026-04-01T13:00:00.000Z');
    // 10 working days: … 1, 2, 3, 6, 7, 8 April; warned 5 working days before, at close of 1 April.
    expect(deadline({ termWorkingDays: 10 })).toEqual({
      dueAt: '2026-04-08T13:00:00.000Z',
      warningAt: '2026-04-01T13:00:00.000Z',
    });
  });

  it("takes the policy's goal when no term is given: 30 working days, warned 5 before", () => {
    // Issued Monday 6 April 2026: 30 working days later is 19 May (1, 7 and 9 May are off; 9 May is a
    // Saturday, so 11 May is off instead).
    const mondayApril6 = new Date('2026-04-06T04:00:00Z');
    const { dueAt, warningAt } = deadline({}, mondayApril6);
    expect(calendar.workingDaysBetween('2026-04-06', calendar.localDate(new Date(dueAt)))).toBe(30);
    expect(
      calendar.workingDaysBetween(calendar.localDate(new Date(warningAt)), calendar.localDate(new Date(dueAt))),
    ).toBe(5);
    expect(new Date(dueAt).toISOString().endsWith('T13:00:00.000Z')).toBe(true);
  });

  it('counts an action issued after hours from the next working day', () => {
    const fridayMarch20At1900 = new Date('2026-03-20T14:00:00Z');
    // Registered on Thursday 26 March: 5 working days are 27, 30, 31 March, 1, 2 April.
    expect(deadline({ termWorkingDays: 5 }, fridayMarch20At1900).dueAt).toBe('2026-04-02T13:00:00.000Z');
  });

  it('ends a date given on a holiday on the next working day, at close of business', () => {
    expect(deadline({ dueOn: '2026-03-23' }).dueAt).toBe('2026-03-26T13:00:00.000Z');
    expect(deadline({ dueOn: '2026-04-15' }).dueAt).toBe('2026-04-15T13:00:00.000Z');
  });

  it('extends by working days after the deadline, whichever way it was set', () => {
    expect(deadline({ termWorkingDays: 5 }, fridayMarch20At1000, 2).dueAt).toBe('2026-04-03T13:00:00.000Z');
    // 15 April + 3 working days: 16, 17, 20 April.
    expect(deadline({ dueOn: '2026-04-15' }, fridayMarch20At1000, 3).dueAt).toBe('2026-04-20T13:00:00.000Z');
    expect(() => deadline({ dueOn: '2026-04-15' }, fridayMarch20At1000, 11)).toThrow(/maximum of 10/);
  });

  it('warns at issue when the deadline is closer than the warning point', () => {
    expect(deadline({ termWorkingDays: 3 }).warningAt).toBe(fridayMarch20At1000.toISOString());
  });

  it('refuses both a date and a term, and a date not after the day of issue', () => {
    expect(() => deadline({ dueOn: '2026-04-15', termWorkingDays: 5 })).toThrow(/either dueOn or termWorkingDays/);
    expect(() => deadline({ dueOn: '2026-03-20' })).toThrow(/after the day of issue/);
  });
});

describe('the corrective-action workflow', () => {
  it('goes open → reported done → verified, or back to open on rejection', () => {
    expect(nextCorrectiveActionStatus('open', 'report-done')).toEqual({ ok: true, status: 'reported_done' });
    expect(nextCorrectiveActionStatus('reported_done', 'verify')).toEqual({ ok: true, status: 'verified' });
    expect(nextCorrectiveActionStatus('reported_done', 'reject')).toEqual({ ok: true, status: 'open' });
    expect(nextCorrectiveActionStatus('open', 'extend')).toEqual({ ok: true, status: 'open' });
    expect(nextCorrectiveActionStatus('reported_done', 'cancel')).toEqual({ ok: true, status: 'cancelled' });
  });

  it('names the allowed steps when refusing one, and ends at verified and cancelled', () => {
    expect(nextCorrectiveActionStatus('open', 'verify')).toEqual({
      ok: false,
      allowed: ['report-done', 'extend', 'cancel'],
    });
    expect(correctiveActionActionsFrom('verified')).toEqual([]);
    expect(correctiveActionActionsFrom('cancelled')).toEqual([]);
    const reachable = new Set<string>(['open']);
    for (const status of CORRECTIVE_ACTION_STATUSES) {
      for (const action of CORRECTIVE_ACTION_ACTIONS) {
        const next = nextCorrectiveActionStatus(status, action);
        if (next.ok) reachable.add(next.status);
      }
    }
    expect([...reachable].sort()).toEqual([...CORRECTIVE_ACTION_STATUSES].sort());
  });

  it('numbers actions by year', () => {
    expect(formatCorrectiveActionNumber(2026, 42)).toBe('CA-2026-000042');
  });
});

describe('who may act on corrective actions', () => {
  const region = 'region-1';
  const action = { regionId: region, inspectorIds: ['lead', 'member'] };
  const can = (role: 'inspector' | 'manager' | 'auditor' | 'officer', id: string, step: string) =>
    defineAbilityFor({ id, role, regionId: role === 'auditor' ? null : region }).can(
      step,
      Object.assign(Object.create(null), { __caslSubjectType__: 'corrective-actions', ...action }),
    );

  it('lets the inspectors of the inspection verify, not another inspector of the region', () => {
    expect(can('inspector', 'lead', 'verify')).toBe(true);
    expect(can('inspector', 'member', 'report-done')).toBe(true);
    expect(can('inspector', 'stranger', 'verify')).toBe(false);
    expect(can('inspector', 'stranger', 'read')).toBe(true);
  });

  it('lets managers extend but not verify; auditors only read; officers not at all', () => {
    expect(can('manager', 'head', 'extend')).toBe(true);
    expect(can('manager', 'head', 'verify')).toBe(false);
    expect(can('auditor', 'audit', 'read')).toBe(true);
    expect(can('auditor', 'audit', 'extend')).toBe(false);
    expect(can('officer', 'staff', 'read')).toBe(false);
  });
});
