import { referralActionBody } from './referralWorkflow';

describe('referralActionBody', () => {
  it('sends the date and the step its own fields, with the version as shown', () => {
    expect(
      referralActionBody('open-case', { on: '2026-11-02', registerNumber: '2675', summary: 'not this' }, 4),
    ).toEqual({ version: 4, on: '2026-11-02', registerNumber: '2675' });
  });

  it('leaves out an empty date, so the API dates the step today', () => {
    expect(referralActionBody('start-review', { on: '' }, 1)).toEqual({ version: 1 });
  });

  it('turns an amount typed with spaces and a decimal comma into the decimal string the API takes', () => {
    expect(referralActionBody('record-verdict', { verdict: 'convicted', damagesRecovered: '1 250 000,50' }, 2)).toEqual(
      { version: 2, verdict: 'convicted', damagesRecovered: '1250000.50' },
    );
  });
});
