import { apiListFilter, listQueryString, updatePayload } from './apiRequests';

describe('updatePayload', () => {
  const previous = {
    id: 'u1',
    version: 3,
    email: 'a.serikova@adaldesk.kz',
    fullName: 'Aigerim Serikova',
    regionId: null,
    active: true,
    lastLoginAt: '2026-01-10T09:00:00.000Z',
    createdAt: '2025-12-01T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
  };

  it('sends the changed fields and the version the form was loaded with', () => {
    const data = { ...previous, fullName: 'Aigerim Serikkyzy', active: false };
    expect(updatePayload(data, previous)).toEqual({ fullName: 'Aigerim Serikkyzy', active: false, version: 3 });
  });

  it('sends the version read, even if the form data carries another', () => {
    expect(updatePayload({ ...previous, version: 9, fullName: 'X' }, previous)).toEqual({ fullName: 'X', version: 3 });
  });

  it('never sends fields the server manages', () => {
    const data = { ...previous, id: 'other', createdAt: 'x', updatedAt: 'y' };
    expect(updatePayload(data, previous)).toEqual({ version: 3 });
  });

  it('treats a field never set and a field left empty alike', () => {
    expect(updatePayload({ ...previous, password: null }, previous)).toEqual({ version: 3 });
  });

  it('sends a value cleared or newly set', () => {
    expect(updatePayload({ ...previous, regionId: 'r1' }, previous)).toEqual({ regionId: 'r1', version: 3 });
    expect(updatePayload({ ...previous, fullName: null }, previous)).toEqual({ fullName: null, version: 3 });
  });

  it('compares lists and objects by value', () => {
    const before = { id: 'x', version: 1, tags: ['a', 'b'], meta: { a: 1 } };
    expect(updatePayload({ ...before, tags: ['a', 'b'], meta: { a: 1 } }, before)).toEqual({ version: 1 });
    expect(updatePayload({ ...before, tags: ['a'] }, before)).toEqual({ tags: ['a'], version: 1 });
  });

  it('sends no version for a record that has none', () => {
    expect(updatePayload({ id: 'x', name: 'B' }, { id: 'x', name: 'A' })).toEqual({ name: 'B' });
  });
});

describe('apiListFilter', () => {
  it('asks the API for a year of the working calendar as a date range', () => {
    expect(apiListFilter('calendar-days', { year: 2026, kind: 'holiday' })).toEqual({
      kind: 'holiday',
      date_gte: '2026-01-01',
      date_lte: '2026-12-31',
    });
  });

  it('drops an empty year', () => {
    expect(apiListFilter('calendar-days', { year: '' })).toEqual({});
  });

  it('passes other resources filters unchanged', () => {
    expect(apiListFilter('users', { q: 'serik', year: 2026 })).toEqual({ q: 'serik', year: 2026 });
  });
});

describe('apiListFilter for appeals', () => {
  it('asks for whole local days when a day range is picked', () => {
    expect(apiListFilter('appeals', { receivedAt_gte: '2026-11-01', receivedAt_lte: '2026-11-27' })).toEqual({
      // The office's days (Almaty, UTC+5), whatever the browser's time zone.
      receivedAt_gte: '2026-10-31T19:00:00.000Z',
      receivedAt_lte: '2026-11-27T18:59:59.999Z',
    });
  });

  it('leaves instants and other filters as they are', () => {
    const filter = { dueAt_lte: '2026-11-27T13:00:00.000Z', status: ['registered', 'triaged'], q: 'AP-2026' };
    expect(apiListFilter('appeals', filter)).toEqual(filter);
  });
});

describe('listQueryString', () => {
  it('sends the filter the list shows and its sort, as the API reads them', () => {
    const query = new URLSearchParams(
      listQueryString('appeals', { filter: { status: 'registered' }, sort: { field: 'receivedAt', order: 'DESC' } }),
    );
    expect(JSON.parse(query.get('filter')!)).toEqual({ status: 'registered' });
    expect(JSON.parse(query.get('sort')!)).toEqual(['receivedAt', 'DESC']);
  });

  it('adapts the filter as a list request would', () => {
    const query = new URLSearchParams(listQueryString('calendar-days', { filter: { year: 2026 } }));
    expect(JSON.parse(query.get('filter')!)).toEqual({ date_gte: '2026-01-01', date_lte: '2026-12-31' });
    expect(query.has('sort')).toBe(false);
  });
});
