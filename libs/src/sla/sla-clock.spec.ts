import { kazakhstanCalendarDays } from '../calendar/kazakhstan-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDueAt, SLA_STATES, slaState, type SlaPause, type SlaPolicyTerms } from './sla-clock.js';
import { rangeErrorOf } from '../testing/range-error.js';

/** Asia/Almaty, 09:00–18:00 (04:00Z–13:00Z), Kazakhstan holidays of 2026. */
const calendar = new WorkingCalendar(kazakhstanCalendarDays(2026));
const appeals: SlaPolicyTerms = { goalAmount: 15, goalUnit: 'working_days', warningPercent: 80, maxExtensionDays: 10 };
const urgent: SlaPolicyTerms = { goalAmount: 4, goalUnit: 'working_hours', warningPercent: 50, maxExtensionDays: 1 };

const at = (iso: string) => new Date(iso);
const mondayApril6At0900 = at('2026-04-06T04:00:00Z');

function deadline(policy: SlaPolicyTerms, registeredAt: Date, pauses: SlaPause[] = [], extensionDays = 0) {
  const { dueAt, warningAt } = computeDueAt({ calendar, policy, registeredAt, pauses, extensionDays });
  return { dueAt: dueAt.toISOString(), warningAt: warningAt.toISOString() };
}

describe('computeDueAt: working-days goal', () => {
  it('is due at 18:00 on the 15th working day after registration and warns at 80 % of the time', () => {
    // 6 April 09:00 to 27 April 18:00 holds 144 working hours; 80 % is 115.2 h, reached on 22 April at 16:12.
    expect(deadline(appeals, mondayApril6At0900)).toEqual({
      dueAt: '2026-04-27T13:00:00.000Z',
      warningAt: '2026-04-22T11:12:00.000Z',
    });
  });

  it('agrees with the calendar deadline across Nauryz', () => {
    const tuesdayMarch17 = at('2026-03-17T05:00:00Z');
    expect(deadline(appeals, tuesdayMarch17).dueAt).toBe('2026-04-10T13:00:00.000Z');
  });

  it('places the warning at the deadline for 100 % and at registration for 0 %', () => {
    expect(deadline({ ...appeals, warningPercent: 100 }, mondayApril6At0900).warningAt).toBe(
      '2026-04-27T13:00:00.000Z',
    );
    expect(deadline({ ...appeals, warningPercent: 0 }, mondayApril6At0900).warningAt).toBe('2026-04-06T04:00:00.000Z');
  });
});

describe('computeDueAt: pauses while awaiting information', () => {
  const wednesdayAt1000 = at('2026-04-08T05:00:00Z');

  it('moves the deadline by the working days after the request day up to the answer day', () => {
    const answeredFridayAt1100 = at('2026-04-10T06:00:00Z'); // Thursday and Friday paused
    expect(deadline(appeals, mondayApril6At0900, [{ from: wednesdayAt1000, to: answeredFridayAt1100 }])).toEqual({
      dueAt: '2026-04-29T13:00:00.000Z',
      // 162 working hours to the deadline; 80 % is 129.6 h, reached on 24 April at 12:36.
      warningAt: '2026-04-24T07:36:00.000Z',
    });
  });

  it('moves nothing for a pause that starts and ends on the same day', () => {
    const answeredWednesdayAt1600 = at('2026-04-08T11:00:00Z');
    const { dueAt } = deadline(appeals, mondayApril6At0900, [{ from: wednesdayAt1000, to: answeredWednesdayAt1600 }]);
    expect(dueAt).toBe('2026-04-27T13:00:00.000Z');
  });

  it('also pauses the next working day when the answer arrives after hours', () => {
    const answeredFridayAt1900 = at('2026-04-10T14:00:00Z'); // registered Monday 13 April
    const { dueAt } = deadline(appeals, mondayApril6At0900, [{ from: wednesdayAt1000, to: answeredFridayAt1900 }]);
    expect(dueAt).toBe('2026-04-30T13:00:00.000Z');
  });

  it('counts only the working days a pause covers', () => {
    const mondayApril27 = at('2026-04-27T04:00:00Z');
    expect(deadline(appeals, mondayApril27).dueAt).toBe('2026-05-21T13:00:00.000Z');
    // Thursday 30 April to Tuesday 5 May: 1 May is a holiday, so only 4 and 5 May are paused.
    const pause = { from: at('2026-04-30T05:00:00Z'), to: at('2026-05-05T05:00:00Z') };
    expect(deadline(appeals, mondayApril27, [pause]).dueAt).toBe('2026-05-25T13:00:00.000Z');
  });

  it('adds up several pauses and counts a day two adjoining pauses share once', () => {
    const first = { from: wednesdayAt1000, to: at('2026-04-10T14:00:00Z') }; // pauses 9, 10, 13 April
    const second = { from: at('2026-04-10T14:30:00Z'), to: at('2026-04-14T05:00:00Z') }; // pauses 13, 14 April
    // 15 + 4 working days after 6 April: 1 May is a holiday.
    expect(deadline(appeals, mondayApril6At0900, [first, second]).dueAt).toBe('2026-05-04T13:00:00.000Z');
  });

  it('ignores an open pause until it ends', () => {
    const { dueAt } = deadline(appeals, mondayApril6At0900, [{ from: wednesdayAt1000, to: null }]);
    expect(dueAt).toBe('2026-04-27T13:00:00.000Z');
  });

  it('adds the working time of a pause to a working-hours goal', () => {
    const fridayAt1600 = at('2026-04-10T11:00:00Z');
    const mondayAt0900to1000 = { from: at('2026-04-13T04:00:00Z'), to: at('2026-04-13T05:00:00Z') };
    expect(deadline(urgent, fridayAt1600, [mondayAt0900to1000]).dueAt).toBe('2026-04-13T07:00:00.000Z');
  });
});

describe('computeDueAt: extensions', () => {
  it('adds the extension in working days', () => {
    expect(deadline(appeals, mondayApril6At0900, [], 5).dueAt).toBe('2026-05-05T13:00:00.000Z');
  });

  it('adds the extension after the pauses', () => {
    const pause = { from: at('2026-04-08T05:00:00Z'), to: at('2026-04-10T06:00:00Z') };
    // 15 + 2 paused + 5 extension = 22 working days after 6 April; 1 and 7 May are holidays.
    expect(deadline(appeals, mondayApril6At0900, [pause], 5).dueAt).toBe('2026-05-08T13:00:00.000Z');
  });

  it('allows exactly the maximum extension and refuses more', () => {
    // 25 working days after 6 April, past the holidays of 1, 7, 9 (moved to 11) May.
    expect(deadline(appeals, mondayApril6At0900, [], 10).dueAt).toBe('2026-05-14T13:00:00.000Z');
    expect(rangeErrorOf(() => deadline(appeals, mondayApril6At0900, [], 11))).toBe(
      "extensionDays (11) exceeds the policy's maximum extension of 10 working days",
    );
  });

  it('adds a working day of hours to a working-hours goal', () => {
    const fridayAt1600 = at('2026-04-10T11:00:00Z');
    expect(deadline(urgent, fridayAt1600, [], 1).dueAt).toBe('2026-04-14T06:00:00.000Z'); // 4 h + 9 h
  });
});

describe('computeDueAt: working-hours goal', () => {
  it('counts working hours across the weekend and warns at half time', () => {
    const fridayAt1600 = at('2026-04-10T11:00:00Z');
    expect(deadline(urgent, fridayAt1600)).toEqual({
      dueAt: '2026-04-13T06:00:00.000Z', // Monday 11:00
      warningAt: '2026-04-10T13:00:00.000Z', // Friday 18:00
    });
  });

  it('accepts a fractional number of hours', () => {
    const mondayAt1000 = at('2026-04-13T05:00:00Z');
    expect(deadline({ ...urgent, goalAmount: 1.5 }, mondayAt1000).dueAt).toBe('2026-04-13T06:30:00.000Z');
  });
});

describe('computeDueAt: input validation', () => {
  const input = { calendar, policy: appeals, registeredAt: mondayApril6At0900, pauses: [], extensionDays: 0 };

  it('rejects policies that make no sense, naming the field', () => {
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: { ...appeals, goalAmount: 0 } }))).toBe(
      'policy.goalAmount must be a positive whole number of working days, got 0',
    );
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: { ...appeals, goalAmount: 1.5 } }))).toMatch(
      /^policy.goalAmount must be a positive whole number/,
    );
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: { ...urgent, goalAmount: -1 } }))).toBe(
      'policy.goalAmount must be a positive number of working hours, got -1',
    );
    const minutes = { ...appeals, goalUnit: 'minutes' } as unknown as SlaPolicyTerms;
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: minutes }))).toBe(
      'policy.goalUnit must be one of working_days, working_hours, got "minutes"',
    );
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: { ...appeals, warningPercent: 120 } }))).toBe(
      'policy.warningPercent must be between 0 and 100, got 120',
    );
    expect(rangeErrorOf(() => computeDueAt({ ...input, policy: { ...appeals, maxExtensionDays: -1 } }))).toBe(
      'policy.maxExtensionDays must be a whole number of 0 or more, got -1',
    );
  });

  it('rejects a negative extension and an invalid registration time', () => {
    expect(rangeErrorOf(() => computeDueAt({ ...input, extensionDays: -1 }))).toBe(
      'extensionDays must be a whole number of 0 or more, got -1',
    );
    expect(rangeErrorOf(() => computeDueAt({ ...input, registeredAt: at('nope') }))).toMatch(
      /^registeredAt must be a valid Date/,
    );
  });

  it('rejects pauses before registration, backwards, overlapping, or open before another', () => {
    const pauses =
      (...list: SlaPause[]) =>
      () =>
        computeDueAt({ ...input, pauses: list });
    const monday = (hour: number) => at(`2026-04-13T${String(hour - 5).padStart(2, '0')}:00:00Z`);
    expect(rangeErrorOf(pauses({ from: at('2026-04-06T03:00:00Z'), to: monday(10) }))).toBe(
      'pauses[0].from is before registeredAt',
    );
    expect(rangeErrorOf(pauses({ from: monday(12), to: monday(10) }))).toBe('pauses[0].to is before pauses[0].from');
    expect(rangeErrorOf(pauses({ from: monday(10), to: monday(12) }, { from: monday(11), to: monday(13) }))).toBe(
      'pauses[1] starts before pauses[0] ends; list pauses in order, without overlap',
    );
    expect(rangeErrorOf(pauses({ from: monday(10), to: null }, { from: monday(11), to: monday(13) }))).toMatch(
      /^pauses\[1\] starts before pauses\[0\] ends/,
    );
    expect(rangeErrorOf(pauses({ from: monday(10), to: at('x') }))).toMatch(/^pauses\[0\]\.to must be a valid Date/);
  });
});

describe('slaState', () => {
  const dueAt = at('2026-04-27T13:00:00Z');
  const warningAt = at('2026-04-22T11:12:00Z');
  const state = (now: string, extra: { pausedSince?: string; decidedAt?: string } = {}) =>
    slaState({
      now: at(now),
      dueAt,
      warningAt,
      pausedSince: extra.pausedSince ? at(extra.pausedSince) : null,
      decidedAt: extra.decidedAt ? at(extra.decidedAt) : null,
    });

  it('lists every state once', () => {
    expect(SLA_STATES).toEqual(['on_track', 'at_risk', 'breached', 'paused', 'met', 'missed']);
  });

  it('is on track before the warning point', () => {
    expect(state('2026-04-22T11:11:59.999Z')).toBe('on_track');
  });

  it('is at risk from the warning point up to and including the deadline', () => {
    expect(state('2026-04-22T11:12:00.000Z')).toBe('at_risk');
    expect(state('2026-04-27T13:00:00.000Z')).toBe('at_risk');
  });

  it('is breached once the deadline has passed undecided', () => {
    expect(state('2026-04-27T13:00:00.001Z')).toBe('breached');
  });

  it('is paused while a pause is open, even past the deadline', () => {
    expect(state('2026-04-10T06:00:00Z', { pausedSince: '2026-04-08T05:00:00Z' })).toBe('paused');
    expect(state('2026-05-10T06:00:00Z', { pausedSince: '2026-04-08T05:00:00Z' })).toBe('paused');
  });

  it('is met when decided on or before the deadline, whatever the time now', () => {
    expect(state('2026-06-01T06:00:00Z', { decidedAt: '2026-04-27T13:00:00.000Z' })).toBe('met');
    expect(state('2026-04-20T06:00:00Z', { decidedAt: '2026-04-20T05:00:00Z' })).toBe('met');
    expect(
      state('2026-04-20T06:00:00Z', { decidedAt: '2026-04-20T05:00:00Z', pausedSince: '2026-04-15T05:00:00Z' }),
    ).toBe('met');
  });

  it('is missed when decided after the deadline', () => {
    expect(state('2026-06-01T06:00:00Z', { decidedAt: '2026-04-27T13:00:00.001Z' })).toBe('missed');
  });

  it('rejects invalid instants, naming them', () => {
    expect(rangeErrorOf(() => state('soon'))).toBe('now must be a valid Date, got Invalid Date');
    expect(rangeErrorOf(() => state('2026-04-20T06:00:00Z', { decidedAt: 'later' }))).toMatch(/^decidedAt must be/);
  });
});
