import { correctiveActionStepBody, createCorrectiveActionBody } from './correctiveActionSteps';

describe('corrective-action request bodies', () => {
  it("sends a step's own fields with the version, leaving out empty ones and others", () => {
    expect(
      correctiveActionStepBody('verify', { verifiedOn: '', verificationNote: 'Checked', reason: 'stray' }, 4),
    ).toEqual({ version: 4, verificationNote: 'Checked' });
    expect(correctiveActionStepBody('extend', { days: 5, reason: 'Contractor replaced' }, 2)).toEqual({
      version: 2,
      days: 5,
      reason: 'Contractor replaced',
    });
  });

  it('sends the deadline only in the way the user chose', () => {
    const base = { findingId: 'f', description: 'Fix the roof' };
    expect(
      createCorrectiveActionBody({ ...base, deadlineKind: 'policy', termWorkingDays: 5, dueOn: '2027-01-05' }),
    ).toEqual(base);
    expect(createCorrectiveActionBody({ ...base, deadlineKind: 'workingDays', termWorkingDays: 5 })).toEqual({
      ...base,
      termWorkingDays: 5,
    });
    expect(
      createCorrectiveActionBody({ ...base, deadlineKind: 'date', termWorkingDays: 5, dueOn: '2027-01-05' }),
    ).toEqual({
      ...base,
      dueOn: '2027-01-05',
    });
  });
});
