import { kazakhstanCalendarDays, WorkingCalendar } from '@adaldesk/libs';
import type { Appeal } from './appeal.entity.js';
import { rewindClock } from './appeal-clock.js';

const calendar = new WorkingCalendar(kazakhstanCalendarDays(2026));
const policy = { goalAmount: 15, goalUnit: 'working_days' as const, warningPercent: 80, maxExtensionDays: 15 };
const mondayAt0900 = new Date('2026-11-23T04:00:00Z');

function clock(overrides: Partial<Appeal> = {}) {
  return {
    slaStartedAt: mondayAt0900,
    slaPauses: [],
    pausedSince: null,
    extensionDays: 0,
    dueAt: new Date(0),
    warningAt: new Date(0),
    decidedAt: null,
    warnedAt: new Date(0),
    breachedAt: new Date(0),
    slaState: 'on_track',
    ...overrides,
  } as Appeal;
}

describe('rewindClock', () => {
  it('sets the deadline and clears the flags of a deadline still ahead', () => {
    const appeal = clock();
    rewindClock(appeal, calendar, policy, new Date('2026-11-24T06:00:00Z'));
    expect(appeal.dueAt.toISOString()).toBe('2026-12-14T13:00:00.000Z');
    expect(appeal).toMatchObject({ warnedAt: null, breachedAt: null, slaState: 'on_track' });
  });

  it('counts a pause begun before the official registration time from the registration', () => {
    // Received Friday evening, registered Monday 09:00; information was asked and answered on Saturday.
    const appeal = clock({
      slaPauses: [{ from: '2026-11-21T06:00:00.000Z', to: '2026-11-21T08:00:00.000Z' }],
    });
    rewindClock(appeal, calendar, policy, new Date('2026-11-24T06:00:00Z'));
    expect(appeal.dueAt.toISOString()).toBe('2026-12-14T13:00:00.000Z');
  });

  it('keeps to what the policy allows now when its cap was lowered after an extension', () => {
    const appeal = clock({ extensionDays: 10 });
    rewindClock(appeal, calendar, { ...policy, maxExtensionDays: 2 }, new Date('2026-11-24T06:00:00Z'));
    expect(appeal.dueAt.toISOString()).toBe('2026-12-17T13:00:00.000Z');
  });
});
