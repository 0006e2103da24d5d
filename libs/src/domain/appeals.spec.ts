import { defineAbilityFor, fieldsHiddenFrom } from '../permissions/abilities.js';
import {
  APPEAL_ACTIONS,
  APPLICANT_PERSONAL_FIELDS,
  APPEAL_STATUSES,
  appealActionsFrom,
  formatAppealNumber,
  isAppealAction,
  nextAppealStatus,
} from './appeals.js';

describe('the appeal workflow', () => {
  it('walks the main road: registered → triaged → in progress → resolved → closed', () => {
    let status = nextAppealStatus('registered', 'triage');
    expect(status).toEqual({ ok: true, status: 'triaged' });
    status = nextAppealStatus('triaged', 'start');
    expect(status).toEqual({ ok: true, status: 'in_progress' });
    expect(nextAppealStatus('in_progress', 'resolve')).toEqual({ ok: true, status: 'resolved' });
    expect(nextAppealStatus('resolved', 'close')).toEqual({ ok: true, status: 'closed' });
  });

  it('pauses for information and comes back', () => {
    expect(nextAppealStatus('in_progress', 'request-info')).toEqual({ ok: true, status: 'awaiting_info' });
    expect(nextAppealStatus('awaiting_info', 'resume')).toEqual({ ok: true, status: 'in_progress' });
  });

  it('keeps the status on extension steps', () => {
    expect(nextAppealStatus('in_progress', 'request-extension')).toEqual({ ok: true, status: 'in_progress' });
    expect(nextAppealStatus('awaiting_info', 'approve-extension')).toEqual({ ok: true, status: 'awaiting_info' });
  });

  it('reopens a decided appeal, which is then worked again', () => {
    expect(nextAppealStatus('closed', 'reopen')).toEqual({ ok: true, status: 'reopened' });
    expect(nextAppealStatus('reopened', 'start')).toEqual({ ok: true, status: 'in_progress' });
  });

  it('refuses an illegal step and names the allowed ones', () => {
    expect(nextAppealStatus('registered', 'resolve')).toEqual({ ok: false, allowed: ['triage', 'forward'] });
    expect(nextAppealStatus('forwarded', 'start')).toEqual({ ok: false, allowed: [] });
    expect(nextAppealStatus('closed', 'close')).toEqual({ ok: false, allowed: ['reopen'] });
  });

  it('leaves no status a dead end except forwarded, and every status reachable', () => {
    const reachable = new Set<string>(['registered']);
    for (const status of APPEAL_STATUSES) {
      for (const action of appealActionsFrom(status)) {
        const next = nextAppealStatus(status, action);
        if (next.ok) reachable.add(next.status);
      }
      if (status !== 'forwarded') expect(appealActionsFrom(status).length).toBeGreaterThan(0);
    }
    expect([...reachable].sort()).toEqual([...APPEAL_STATUSES].sort());
  });

  it('recognises its actions and nothing else', () => {
    for (const action of APPEAL_ACTIONS) expect(isAppealAction(action)).toBe(true);
    expect(isAppealAction('constructor')).toBe(false);
    expect(isAppealAction('delete')).toBe(false);
  });
});

describe('formatAppealNumber', () => {
  it('pads to six digits and grows past them', () => {
    expect(formatAppealNumber(2026, 123)).toBe('AP-2026-000123');
    expect(formatAppealNumber(2026, 1234567)).toBe('AP-2026-1234567');
  });
});

describe('fieldsHiddenFrom', () => {
  it('names the applicant fields and the duplicate link for inspectors and auditors, and nothing for officers', () => {
    const region = '0b8f6c1e-0000-4000-8000-000000000001';
    for (const role of ['inspector', 'auditor'] as const) {
      const ability = defineAbilityFor({ id: 'u', role, regionId: region });
      expect(fieldsHiddenFrom(ability, 'read', 'appeals').sort()).toEqual(
        [...APPLICANT_PERSONAL_FIELDS, 'duplicateOfId'].sort(),
      );
      expect(ability.can('read', 'appeals', 'duplicateOfId')).toBe(false);
      expect(ability.can('export', 'appeals', 'duplicateOfId')).toBe(false);
    }
    expect(
      fieldsHiddenFrom(defineAbilityFor({ id: 'u', role: 'officer', regionId: region }), 'read', 'appeals'),
    ).toEqual([]);
  });
});
