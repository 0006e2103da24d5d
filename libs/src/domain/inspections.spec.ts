import {
  CHECKLIST_TEMPLATES,
  emptyChecklist,
  formatFindingNumber,
  formatInspectionNumber,
  inspectionActionsFrom,
  isInspectionAction,
  isInspectionWritable,
  nextInspectionStatus,
  unansweredChecklistItems,
} from './inspections.js';

describe('the inspection workflow', () => {
  it('walks planned → in progress → completed → closed', () => {
    expect(nextInspectionStatus('planned', 'start')).toEqual({ ok: true, status: 'in_progress' });
    expect(nextInspectionStatus('in_progress', 'complete')).toEqual({ ok: true, status: 'completed' });
    expect(nextInspectionStatus('completed', 'close')).toEqual({ ok: true, status: 'closed' });
  });

  it('reschedules only a planned inspection, keeping it planned', () => {
    expect(nextInspectionStatus('planned', 'plan')).toEqual({ ok: true, status: 'planned' });
    expect(nextInspectionStatus('in_progress', 'plan')).toEqual({ ok: false, allowed: ['complete', 'cancel'] });
  });

  it('cancels a planned or running inspection, not a finished one', () => {
    expect(nextInspectionStatus('planned', 'cancel')).toEqual({ ok: true, status: 'cancelled' });
    expect(nextInspectionStatus('in_progress', 'cancel')).toEqual({ ok: true, status: 'cancelled' });
    expect(nextInspectionStatus('completed', 'cancel')).toEqual({ ok: false, allowed: ['close'] });
  });

  it('allows nothing once closed or cancelled', () => {
    expect(inspectionActionsFrom('closed')).toEqual([]);
    expect(inspectionActionsFrom('cancelled')).toEqual([]);
    expect(nextInspectionStatus('closed', 'start')).toEqual({ ok: false, allowed: [] });
  });

  it('knows its actions and nothing else', () => {
    expect(['plan', 'start', 'complete', 'close', 'cancel'].every(isInspectionAction)).toBe(true);
    expect(isInspectionAction('resolve')).toBe(false);
    expect(isInspectionAction('toString')).toBe(false);
  });

  it('lets findings be written until the inspection is closed or cancelled', () => {
    expect(['planned', 'in_progress', 'completed'].every((s) => isInspectionWritable(s as never))).toBe(true);
    expect(isInspectionWritable('closed')).toBe(false);
    expect(isInspectionWritable('cancelled')).toBe(false);
  });
});

describe('checklists', () => {
  it('start with every item of the type unanswered', () => {
    const checklist = emptyChecklist('school');
    expect(checklist.map((entry) => entry.code)).toEqual(CHECKLIST_TEMPLATES.school.map((item) => item.code));
    expect(checklist.every((entry) => entry.answer === null)).toBe(true);
    expect(unansweredChecklistItems('school', checklist)).toHaveLength(CHECKLIST_TEMPLATES.school.length);
  });

  it('count an item answered once it is ok, a violation or not checked', () => {
    const checklist = emptyChecklist('market').map((entry, index) => ({
      ...entry,
      answer: index === 0 ? null : (['ok', 'violation', 'not_checked'] as const)[index % 3],
    }));
    expect(unansweredChecklistItems('market', checklist)).toEqual([CHECKLIST_TEMPLATES.market[0].code]);
  });

  it('have templates for both types with unique codes and names in three languages', () => {
    for (const items of Object.values(CHECKLIST_TEMPLATES)) {
      expect(new Set(items.map((item) => item.code)).size).toBe(items.length);
      for (const item of items) expect(item.nameKk && item.nameRu && item.nameEn).toBeTruthy();
    }
  });
});

describe('numbers', () => {
  it('pad the sequence to six digits after the year', () => {
    expect(formatInspectionNumber(2026, 1)).toBe('IN-2026-000001');
    expect(formatFindingNumber(2026, 4321)).toBe('FN-2026-004321');
  });
});
