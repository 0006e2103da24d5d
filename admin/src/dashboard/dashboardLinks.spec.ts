import { civilToday, instantRange, startOfDay } from '../officeTime';
import { appealLinks, listLink, OPEN_APPEAL_STATUSES, percentText, periodPresets, toCsv } from './dashboardLinks';

const filterOf = (link: string) => {
  const query = new URLSearchParams(link.slice(link.indexOf('?') + 1));
  return {
    path: link.slice(0, link.indexOf('?')),
    filter: JSON.parse(query.get('filter')!),
    displayed: JSON.parse(query.get('displayedFilters')!),
  };
};

describe('days in the office time zone', () => {
  it('starts a day in Almaty at 19:00 UTC the day before (UTC+5)', () => {
    expect(startOfDay('2026-03-20', 'Asia/Almaty').toISOString()).toBe('2026-03-19T19:00:00.000Z');
  });

  it('followed Almaty when it was UTC+6, before March 2024', () => {
    expect(startOfDay('2024-02-28', 'Asia/Almaty').toISOString()).toBe('2024-02-27T18:00:00.000Z');
  });

  it('takes a period from its first moment to its last millisecond, "to" included', () => {
    expect(instantRange('2026-01-01', '2026-01-31', 'Asia/Almaty')).toEqual({
      gte: '2025-12-31T19:00:00.000Z',
      lte: '2026-01-31T18:59:59.999Z',
    });
  });

  it('reads today as the office sees it, not as UTC does', () => {
    expect(civilToday('Asia/Almaty', new Date('2026-11-24T20:30:00Z'))).toBe('2026-11-25');
    expect(civilToday('Asia/Almaty', new Date('2026-11-24T18:59:59Z'))).toBe('2026-11-24');
  });
});

describe('the list behind each figure', () => {
  const scope = { from: '2026-01-01', to: '2026-03-31', regionId: 'r1', timeZone: 'Asia/Almaty' };
  const period = { gte: '2025-12-31T19:00:00.000Z', lte: '2026-03-31T18:59:59.999Z' };

  it('opens received appeals by the time they were received, with the filters shown', () => {
    const { path, filter, displayed } = filterOf(appealLinks(scope).received);
    expect(path).toBe('/appeals');
    expect(filter).toEqual({ regionId: 'r1', receivedAt_gte: period.gte, receivedAt_lte: period.lte });
    expect(displayed).toEqual({ regionId: true, receivedAt_gte: true, receivedAt_lte: true });
  });

  it('opens decisions by the time they were made, favourable and on-time ones narrowed further', () => {
    const links = appealLinks(scope);
    const decided = {
      regionId: 'r1',
      status: ['resolved', 'closed'],
      decidedAt_gte: period.gte,
      decidedAt_lte: period.lte,
    };
    expect(filterOf(links.decided).filter).toEqual(decided);
    expect(filterOf(links.favourable).filter).toEqual({ ...decided, outcome: ['satisfied', 'partially_satisfied'] });
    expect(filterOf(links.decidedOnTime).filter).toEqual({ ...decided, slaState: 'met' });
    expect(filterOf(links.forwarded).filter).toEqual({ ...decided, status: ['forwarded'] });
  });

  it('opens the backlog as open appeals registered in the bucket, its upper end excluded', () => {
    const link = appealLinks(scope).backlog({
      registeredFrom: '2026-03-01T19:00:00.000Z',
      registeredBefore: '2026-03-10T19:00:00.000Z',
    });
    expect(filterOf(link).filter).toEqual({
      regionId: 'r1',
      status: OPEN_APPEAL_STATUSES,
      registeredAt_gte: '2026-03-01T19:00:00.000Z',
      registeredAt_lte: '2026-03-10T18:59:59.999Z',
    });
    expect(OPEN_APPEAL_STATUSES).toEqual(['registered', 'triaged', 'in_progress', 'awaiting_info', 'reopened']);
    const oldest = appealLinks(scope).backlog({ registeredFrom: null, registeredBefore: '2026-01-01T19:00:00.000Z' });
    expect(filterOf(oldest).filter).not.toHaveProperty('registeredAt_gte');
  });

  it('narrows a breakdown row by its key and a national view by nothing', () => {
    const national = { ...scope, regionId: null };
    expect(filterOf(appealLinks(national, { categoryId: 'c1' }).open).filter).toEqual({
      categoryId: 'c1',
      status: OPEN_APPEAL_STATUSES,
    });
    expect(filterOf(appealLinks(national).openInState('breached')).filter).toEqual({ slaState: 'breached' });
  });

  it('leaves out filters without a value', () => {
    expect(filterOf(listLink('findings', { kind: undefined, regionId: null, q: 'x' })).filter).toEqual({ q: 'x' });
  });
});

describe('period presets', () => {
  it('ends each at today', () => {
    expect(periodPresets('2026-11-24')).toEqual({
      month: { from: '2026-11-01', to: '2026-11-24' },
      quarter: { from: '2026-10-01', to: '2026-11-24' },
      year: { from: '2026-01-01', to: '2026-11-24' },
      twelveMonths: { from: '2025-11-25', to: '2026-11-24' },
    });
  });
});

describe('CSV of a panel', () => {
  it('writes a BOM, quotes what needs it, and keeps formulas as text', () => {
    const csv = toCsv(
      ['Region', 'Received'],
      [
        ['Алматы, қаласы', 12],
        ['=HYPERLINK("x")', null],
        ['-3', 0],
      ],
    );
    expect(csv).toBe('\ufeffRegion,Received\r\n"Алматы, қаласы",12\r\n"\'=HYPERLINK(""x"")",\r\n-3,0\r\n');
  });
});

describe('shares', () => {
  it('shows one decimal and a dash for nothing decided', () => {
    expect(percentText(0.8125)).toBe('81.3%');
    expect(percentText(null)).toBe('—');
  });
});
