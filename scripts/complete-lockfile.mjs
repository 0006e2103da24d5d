// Records other platforms' optional binaries in package-lock.json.
//
// The registry this project installs from answers 404 for prebuilt binaries of platforms other than
// linux x64/arm64 (for example @unrs/resolver-binding-darwin-x64). `npm install` skips them silently,
// but `npm ci` then refuses the lock file as "out of sync". Each missing optional dependency is
// recorded here with the os/cpu its name declares, so npm ci skips it on this platform exactly as it
// would with a lock written against the public registry. Run after every `npm install`
// (`npm run lock:complete`); it changes nothing when the lock is already complete.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK_FILE = new URL('../package-lock.json', import.meta.url);
const OPERATING_SYSTEMS = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'openbsd',
  'netbsd',
  'android',
  'openharmony',
  'sunos',
  'aix',
];
const CPUS = ['x64', 'arm64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32', 'universal'];

const lock = JSON.parse(readFileSync(LOCK_FILE, 'utf8'));
const packages = lock.packages;

/** Where Node would find `name` when required from the package at `fromPath`. */
function resolves(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

function platformOf(name) {
  const parts = name.split('/').pop().split(/[-.]/);
  const os = parts.find((part) => OPERATING_SYSTEMS.includes(part));
  const cpu = parts.find((part) => CPUS.includes(part));
  if (parts.includes('wasm32') || parts.includes('wasi')) return { cpu: ['wasm32'] };
  if (!os && !cpu) return null;
  const platform = {};
  if (os) platform.os = [os];
  if (cpu && cpu !== 'universal') platform.cpu = [cpu];
  return platform;
}

let added = 0;
const unknown = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    const platform = platformOf(name);
    if (!platform) {
      unknown.push(`${name} (wanted by ${path || 'the root'})`);
      continue;
    }
    packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~=]/, ''),
      dev: entry.dev,
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(LOCK_FILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: recorded ${added} optional platform binaries`);
if (unknown.length > 0) {
  console.error(`No platform could be read from these names; npm ci may refuse the lock:\n  ${unknown.join('\n  ')}`);
  process.exitCode = 1;
}
