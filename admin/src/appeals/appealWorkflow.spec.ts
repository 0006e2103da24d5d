import { APPLICANT_PERSONAL_FIELDS } from '@adaldesk/libs';
import {
  appealActionBody,
  appealCreatePayload,
  availableAppealActions,
  localDateTimeToInstant,
} from './appealWorkflow';

describe('availableAppealActions', () => {
  it('offers what the status machine allows from the status', () => {
    expect(availableAppealActions({ status: 'registered', extensionRequest: null })).toEqual(['triage', 'forward']);
    expect(availableAppealActions({ status: 'resolved', extensionRequest: null })).toEqual(['close', 'reopen']);
  });

  it('offers approval only of an extension asked for, and no second request meanwhile', () => {
    expect(availableAppealActions({ status: 'in_progress', extensionRequest: null })).toEqual([
      'request-info',
      'request-extension',
      'forward',
      'resolve',
    ]);
    const pending = { days: 5, reason: 'Expert opinion needed', requestedById: 'u1', requestedAt: '2026-12-01' };
    expect(availableAppealActions({ status: 'in_progress', extensionRequest: pending })).toEqual([
      'request-info',
      'approve-extension',
      'forward',
      'resolve',
    ]);
  });
});

describe('appealActionBody', () => {
  it('sends the step fields and the version, nothing else from the form', () => {
    expect(
      appealActionBody('resolve', { outcome: 'explained', resolutionText: 'Explained in writing.', reason: 'x' }, 4),
    ).toEqual({ outcome: 'explained', resolutionText: 'Explained in writing.', version: 4 });
    expect(appealActionBody('start', { categoryId: 'c1' }, 2)).toEqual({ version: 2 });
  });

  it('leaves out optional fields left empty but keeps a cleared assignee', () => {
    expect(appealActionBody('triage', { categoryId: 'c1', organisationId: '', assigneeId: null }, 1)).toEqual({
      categoryId: 'c1',
      assigneeId: null,
      version: 1,
    });
  });
});

describe('appealCreatePayload', () => {
  const applicant = Object.fromEntries(APPLICANT_PERSONAL_FIELDS.map((field) => [field, 'x']));

  it('drops every applicant field from an anonymous appeal', () => {
    expect(appealCreatePayload({ kind: 'report', anonymous: true, ...applicant })).toEqual({
      kind: 'report',
      anonymous: true,
    });
  });

  it('keeps the applicant of a named appeal', () => {
    const data = { kind: 'complaint', anonymous: false, ...applicant };
    expect(appealCreatePayload(data)).toEqual(data);
  });
});

describe('localDateTimeToInstant', () => {
  it('reads a datetime-local value on the user clock', () => {
    expect(localDateTimeToInstant('2026-11-27T19:30')).toBe(new Date('2026-11-27T19:30').toISOString());
  });

  it('passes an instant through and empties an empty box', () => {
    expect(localDateTimeToInstant('2026-11-27T14:30:00.000Z')).toBe('2026-11-27T14:30:00.000Z');
    expect(localDateTimeToInstant('')).toBeNull();
    expect(localDateTimeToInstant(null)).toBeNull();
  });
});
