import { appealWorkflow } from '../domain/appeals.js';
import { correctiveActionWorkflow } from '../domain/corrective-actions.js';
import { inspectionWorkflow } from '../domain/inspections.js';
import { referralWorkflow } from '../domain/referrals.js';
import { defineWorkflow } from './workflow.js';

const lampWorkflow = defineWorkflow<'off' | 'on'>()({
  'switch-on': { from: ['off'], to: 'on', by: ['officer', 'manager'], fields: { why: { type: 'text', max: 100 } } },
  'switch-off': { from: ['on'], to: 'off', by: ['manager'] },
});

describe('a workflow declared once', () => {
  it('says which steps each role takes', () => {
    expect(lampWorkflow.actionsBy('manager')).toEqual(['switch-on', 'switch-off']);
    expect(lampWorkflow.actionsBy('officer')).toEqual(['switch-on']);
    expect(lampWorkflow.actionsBy('auditor')).toEqual([]);
  });

  it("gives each step's fields, and none for a step that declares none", () => {
    expect(lampWorkflow.fieldsOf('switch-on')).toEqual({ why: { type: 'text', max: 100 } });
    expect(lampWorkflow.fieldsOf('switch-off')).toEqual({});
  });
});

describe.each([
  ['appeals', appealWorkflow],
  ['referrals', referralWorkflow],
  ['inspections', inspectionWorkflow],
  ['corrective-actions', correctiveActionWorkflow],
] as const)('the %s workflow', (_resource, workflow) => {
  it('names who takes every step', () => {
    for (const action of workflow.actions) expect(workflow.steps[action].by.length).toBeGreaterThan(0);
  });

  it('declares bounded text and numbers, and choices with values', () => {
    for (const action of workflow.actions) {
      for (const field of Object.values(workflow.fieldsOf(action))) {
        if (field.type === 'text') expect(field.max).toBeGreaterThanOrEqual(field.min ?? 0);
        if (field.type === 'integer') expect(field.max).toBeGreaterThanOrEqual(field.min);
        if (field.type === 'choice') expect(field.values.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('the fields the steps ask for', () => {
  it('are those the dialogs and the API have always used', () => {
    const names = (fields: object) => Object.keys(fields);
    expect(Object.fromEntries(appealWorkflow.actions.map((a) => [a, names(appealWorkflow.fieldsOf(a))]))).toEqual({
      triage: ['categoryId', 'organisationId', 'assigneeId'],
      start: [],
      'request-info': ['reason'],
      resume: [],
      'request-extension': ['days', 'reason'],
      'approve-extension': [],
      forward: ['forwardedToId', 'reason'],
      resolve: ['outcome', 'resolutionText'],
      close: [],
      reopen: ['reason'],
    });
    expect(names(referralWorkflow.fieldsOf('record-verdict'))).toEqual([
      'on',
      'verdict',
      'sanctions',
      'damagesRecovered',
    ]);
    expect(names(inspectionWorkflow.fieldsOf('complete'))).toEqual(['on', 'summary', 'checklist']);
    expect(names(correctiveActionWorkflow.fieldsOf('extend'))).toEqual(['days', 'reason']);
  });

  it('say which of them may be left out', () => {
    const { triage } = appealWorkflow.steps;
    expect(
      [triage.fields.categoryId, triage.fields.organisationId, triage.fields.assigneeId].map((f) => !!f.optional),
    ).toEqual([false, true, true]);
  });
});
