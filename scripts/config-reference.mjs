// Writes the configuration reference into docs/configuration.md, between its markers, from the
// configuration's definition (api/src/core/config/app-config.ts, built): `npm run docs:config`.
// `--check` writes nothing and fails when the document is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { withConfigReference } = await import('../api/dist/api/src/core/config/config-reference.js');
const documentPath = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));
const current = readFileSync(documentPath, 'utf8');
const updated = withConfigReference(current);

if (process.argv.includes('--check')) {
  if (updated !== current) {
    console.error('docs/configuration.md is out of date: run npm run docs:config');
    process.exit(1);
  }
} else if (updated !== current) {
  writeFileSync(documentPath, updated);
  console.log('docs/configuration.md: configuration reference updated');
} else {
  console.log('docs/configuration.md: configuration reference already up to date');
}
