import { defineWorkflow } from '@adaldesk/libs';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { AppError } from '../errors/app-error.js';
import { validateBody } from '../validation/validate-body.js';
import { VersionDto } from '../validation/versioned.js';
import { stepBodies } from './step-dto.js';

const repairWorkflow = defineWorkflow<'open' | 'done'>()({
  'report-fix': {
    from: ['open'],
    to: 'done',
    by: ['inspector'],
    fields: {
      fixedOn: { type: 'date', optional: true },
      note: { type: 'text', min: 5, max: 50, what: 'what was fixed' },
      crewId: { type: 'id', of: 'a user', optional: true },
      hours: { type: 'integer', unit: 'hours', min: 1, max: 24 },
      quality: { type: 'choice', values: ['good', 'poor'] },
      cost: { type: 'amount', optional: true },
    },
  },
  reopen: { from: ['done'], to: 'open', by: ['manager'] },
});
const bodies = stepBodies(repairWorkflow);

const problemsOf = async (dto: new () => object, body: unknown) => {
  try {
    await validateBody(dto, body);
    return [];
  } catch (error) {
    return (error as AppError).details as { field: string; message: string }[];
  }
};

describe('step bodies built from the fields libs declares', () => {
  it('name each class after its step; a step without fields takes the version alone', () => {
    expect(bodies['report-fix'].name).toBe('ReportFixDto');
    expect(bodies.reopen).toBe(VersionDto);
  });

  it('take a full body, and leave optional fields out or null', async () => {
    const body = { version: 3, note: 'Roof patched', hours: 4, quality: 'good' };
    await expect(validateBody(bodies['report-fix'], body)).resolves.toMatchObject(body);
    await expect(
      validateBody(bodies['report-fix'], { ...body, fixedOn: null, crewId: null, cost: '1250.50' }),
    ).resolves.toMatchObject({ cost: '1250.50' });
  });

  it("refuse each field with its rule's message, the version and unknown fields too", async () => {
    const problems = await problemsOf(bodies['report-fix'], {
      fixedOn: '2026-02-30',
      crewId: 'someone',
      hours: 1.5,
      quality: 'bad',
      cost: '-1',
      colour: 'red',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'version', message: 'must be an integer number' },
        { field: 'fixedOn', message: expect.stringContaining('YYYY-MM-DD') },
        { field: 'note', message: 'is required: what was fixed' },
        { field: 'note', message: 'must be at least 5 characters long' },
        { field: 'crewId', message: 'must be a user id (UUID)' },
        { field: 'hours', message: 'must be a whole number of hours' },
        { field: 'quality', message: 'must be one of: good, poor' },
        { field: 'cost', message: expect.stringContaining('amount in tenge') },
        { field: 'colour', message: expect.stringContaining('should not exist') },
      ]),
    );
    expect(
      await problemsOf(bodies['report-fix'], { version: 1, note: 'x'.repeat(51), hours: 25, quality: 'good' }),
    ).toEqual([
      { field: 'note', message: 'must be shorter than or equal to 50 characters' },
      { field: 'hours', message: 'must not be greater than 24' },
    ]);
  });

  it('publish a schema with every field, its type and limits, and the required ones', () => {
    const schema = targetConstructorToSchema(bodies['report-fix']);
    expect(schema.properties).toMatchObject({
      version: { type: 'integer', minimum: 1 },
      fixedOn: { type: 'string' },
      note: { type: 'string', minLength: 5, maxLength: 50 },
      crewId: { type: 'string', format: 'uuid' },
      hours: { type: 'integer', minimum: 1, maximum: 24 },
      quality: { type: 'string', enum: ['good', 'poor'] },
      cost: { type: 'string' },
    });
    expect([...(schema.required ?? [])].sort()).toEqual(['hours', 'note', 'quality', 'version']);
  });
});
