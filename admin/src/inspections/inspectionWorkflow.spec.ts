import { inspectionActionBody, tengeFromInput } from './inspectionWorkflow';

describe('inspection step bodies', () => {
  it('send only what the step takes, with the version as read', () => {
    expect(inspectionActionBody('start', { on: '2026-11-24', reason: 'x' }, 3)).toEqual({
      version: 3,
      on: '2026-11-24',
    });
    expect(inspectionActionBody('cancel', { reason: 'Карантин', on: '' }, 1)).toEqual({
      version: 1,
      reason: 'Карантин',
    });
    expect(inspectionActionBody('close', { on: '2026-11-24' }, 5)).toEqual({ version: 5 });
  });
});

describe('amounts in tenge as typed', () => {
  it.each([
    ['45 000 000', '45000000'],
    ['1\u00a0250\u00a0000,50', '1250000.50'],
    ['0.5', '0.5'],
  ])('reads %j as %j', (typed, decimal) => {
    expect(tengeFromInput(typed)).toBe(decimal);
  });

  it.each(['-1', '1.234', 'қырық', '4.5e7', ''])('refuses %j', (typed) => {
    expect(tengeFromInput(typed)).toBeNull();
  });
});
