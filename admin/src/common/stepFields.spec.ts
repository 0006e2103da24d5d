import { appealWorkflow, correctiveActionWorkflow } from '@adaldesk/libs';
import { stepBodyOf, stepFieldValidators } from './stepFields';

const errorsOf = (validators: ReturnType<typeof stepFieldValidators>, value: unknown) =>
  validators.map((validate) => validate(value, {}, {})).filter(Boolean);

describe('step dialog fields read from libs', () => {
  it('check a required text for presence and both its length limits', () => {
    const reason = stepFieldValidators(appealWorkflow.steps.reopen.fields.reason);
    expect(errorsOf(reason, '')).not.toEqual([]);
    expect(errorsOf(reason, 'abc')).not.toEqual([]);
    expect(errorsOf(reason, 'x'.repeat(5_001))).not.toEqual([]);
    expect(errorsOf(reason, 'Needs the school’s own report')).toEqual([]);
  });

  it('check a number of days against its range, and leave an optional field alone', () => {
    const days = stepFieldValidators(correctiveActionWorkflow.steps.extend.fields.days);
    expect(errorsOf(days, 0)).not.toEqual([]);
    expect(errorsOf(days, 366)).not.toEqual([]);
    expect(errorsOf(days, 10)).toEqual([]);
    expect(errorsOf(stepFieldValidators(appealWorkflow.steps.triage.fields.assigneeId), null)).toEqual([]);
  });

  it("send only the step's declared fields that were filled in, with the version", () => {
    const fields = correctiveActionWorkflow.fieldsOf('verify');
    expect(stepBodyOf(fields, { verifiedOn: '', verificationNote: 'Checked', reason: 'stray' }, 4)).toEqual({
      version: 4,
      verificationNote: 'Checked',
    });
  });
});
