import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES } from './app-config.js';
import { REFERENCE_END, REFERENCE_START, variablesRead, withConfigReference } from './config-reference.js';

const documentPath = new URL('../../../../docs/configuration.md', import.meta.url);

describe('the configuration reference (docs/configuration.md)', () => {
  it('describes exactly the variables loadConfig reads', () => {
    expect(Object.keys(CONFIG_VARIABLES).sort()).toEqual(variablesRead().sort());
  });

  it('is up to date with the definition (npm run docs:config rewrites it)', () => {
    const document = readFileSync(documentPath, 'utf8');
    expect(document).toContain(REFERENCE_START);
    expect(document).toContain(REFERENCE_END);
    expect(document).toBe(withConfigReference(document));
  });
});
