import { SLA_STATES } from '@adaldesk/libs';
import { en } from '../i18n/en';
import { SLA_STATE_COLOURS, slaCountdown } from './slaCountdown';

const now = new Date('2026-11-27T10:00:00.000Z');
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * 3_600_000).toISOString();
const messageExists = (key: string) =>
  typeof key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) === 'string';

describe('slaCountdown', () => {
  it('counts whole days left while more than a day remains', () => {
    expect(slaCountdown({ slaState: 'on_track', dueAt: at(3 * 24 + 5) }, now)).toEqual({
      key: 'app.appeals.sla.days_left',
      count: 3,
    });
  });

  it('counts hours on the last day, never "0 hours"', () => {
    expect(slaCountdown({ slaState: 'at_risk', dueAt: at(5.5) }, now)).toEqual({
      key: 'app.appeals.sla.hours_left',
      count: 6,
    });
    expect(slaCountdown({ slaState: 'at_risk', dueAt: at(0) }, now)?.count).toBe(1);
  });

  it('says how long ago the deadline passed', () => {
    expect(slaCountdown({ slaState: 'breached', dueAt: at(-2 * 24 - 3) }, now)).toEqual({
      key: 'app.appeals.sla.overdue_days',
      count: 2,
    });
    expect(slaCountdown({ slaState: 'breached', dueAt: at(-2) }, now)).toEqual({
      key: 'app.appeals.sla.overdue_hours',
      count: 2,
    });
  });

  it('has no countdown for a decided appeal or a paused clock', () => {
    for (const slaState of ['met', 'missed', 'paused'] as const) {
      expect(slaCountdown({ slaState, dueAt: at(48) }, now)).toBeNull();
    }
    expect(slaCountdown({ slaState: 'on_track', dueAt: null }, now)).toBeNull();
  });

  it('has a message for every countdown and a colour for every state', () => {
    for (const key of ['days_left', 'hours_left', 'overdue_days', 'overdue_hours']) {
      expect(messageExists(`app.appeals.sla.${key}`)).toBe(true);
    }
    expect(Object.keys(SLA_STATE_COLOURS).sort()).toEqual([...SLA_STATES].sort());
  });
});
