import { defineAbilityFor } from '../permissions/abilities.js';
import {
  formatReferralNumber,
  isReferralAction,
  isTengeAmount,
  nextReferralStatus,
  previousStepDate,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  referralActionsFrom,
} from './referrals.js';

describe('the referral funnel', () => {
  it('walks referred → under review → case opened → sent to court → verdict', () => {
    expect(nextReferralStatus('referred', 'start-review')).toEqual({ ok: true, status: 'under_review' });
    expect(nextReferralStatus('under_review', 'open-case')).toEqual({ ok: true, status: 'case_opened' });
    expect(nextReferralStatus('case_opened', 'send-to-court')).toEqual({ ok: true, status: 'sent_to_court' });
    expect(nextReferralStatus('sent_to_court', 'record-verdict')).toEqual({ ok: true, status: 'verdict' });
  });

  it('refuses materials on receipt or after review', () => {
    expect(nextReferralStatus('referred', 'refuse')).toEqual({ ok: true, status: 'refused' });
    expect(nextReferralStatus('under_review', 'refuse')).toEqual({ ok: true, status: 'refused' });
  });

  it('refuses a verdict before a case was opened and names the allowed steps', () => {
    expect(nextReferralStatus('referred', 'record-verdict')).toEqual({
      ok: false,
      allowed: ['start-review', 'refuse'],
    });
    expect(nextReferralStatus('under_review', 'send-to-court')).toEqual({
      ok: false,
      allowed: ['open-case', 'refuse'],
    });
    expect(nextReferralStatus('case_opened', 'refuse')).toEqual({ ok: false, allowed: ['send-to-court'] });
  });

  it('ends at refusal and verdict, and reaches every status', () => {
    const reachable = new Set<string>(['referred']);
    for (const status of REFERRAL_STATUSES) {
      for (const action of referralActionsFrom(status)) {
        const next = nextReferralStatus(status, action);
        if (next.ok) reachable.add(next.status);
      }
    }
    expect([...reachable].sort()).toEqual([...REFERRAL_STATUSES].sort());
    expect(referralActionsFrom('refused')).toEqual([]);
    expect(referralActionsFrom('verdict')).toEqual([]);
  });

  it('dates a step no earlier than the step the referral stands at', () => {
    const dates = { referredOn: '2026-01-10', reviewStartedOn: '2026-01-20', caseOpenedOn: null };
    expect(previousStepDate('referred', dates)).toBe('2026-01-10');
    expect(previousStepDate('under_review', dates)).toBe('2026-01-20');
    expect(previousStepDate('case_opened', dates)).toBeNull();
  });

  it('recognises its actions and nothing else', () => {
    for (const action of REFERRAL_ACTIONS) expect(isReferralAction(action)).toBe(true);
    expect(isReferralAction('constructor')).toBe(false);
    expect(isReferralAction('triage')).toBe(false);
  });
});

describe('referral numbers and amounts', () => {
  it('numbers referrals like appeals', () => {
    expect(formatReferralNumber(2026, 42)).toBe('RF-2026-000042');
  });

  it('takes tenge as a decimal string with at most two decimals, never negative', () => {
    for (const good of ['0', '0.1', '0.30', '1250000', '99999999.99']) expect(isTengeAmount(good)).toBe(true);
    for (const bad of ['-1', '1.234', '1e5', ' 1', '', '1,5', 12.5, null]) expect(isTengeAmount(bad)).toBe(false);
  });
});

describe('who works referrals', () => {
  const region = '0b8f6c1e-0000-4000-8000-000000000001';
  const other = '0b8f6c1e-0000-4000-8000-000000000002';
  const referral = (regionId: string) => ({ __caslSubjectType__: 'referrals' as const, regionId });

  it('lets officers and managers step referrals of their own region only', () => {
    for (const role of ['officer', 'manager'] as const) {
      const ability = defineAbilityFor({ id: 'u', role, regionId: region });
      for (const action of REFERRAL_ACTIONS) {
        expect(ability.can(action, referral(region))).toBe(true);
        expect(ability.can(action, referral(other))).toBe(false);
      }
    }
  });

  it('lets inspectors read and create, auditors read and export, and nobody but admins delete', () => {
    const inspector = defineAbilityFor({ id: 'u', role: 'inspector', regionId: region });
    expect(inspector.can('create', referral(region))).toBe(true);
    expect(inspector.can('open-case', referral(region))).toBe(false);
    const auditor = defineAbilityFor({ id: 'u', role: 'auditor', regionId: null });
    expect(auditor.can('export', referral(other))).toBe(true);
    expect(auditor.can('start-review', referral(other))).toBe(false);
    for (const role of ['officer', 'manager', 'inspector', 'auditor'] as const) {
      expect(defineAbilityFor({ id: 'u', role, regionId: region }).can('delete', 'referrals')).toBe(false);
    }
  });
});
