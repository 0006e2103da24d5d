import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config.js';

/**
 * The configuration reference of docs/configuration.md, generated from the definition itself: which
 * variables `loadConfig` reads (watched as it reads them), their defaults (what `loadConfig({})`
 * gives) and what it refuses (its own messages for a bad value), beside the meanings written in
 * `CONFIG_VARIABLES`. `npm run docs:config` writes it; `config-reference.spec.ts` fails when the
 * document is behind.
 */

export const REFERENCE_START =
  '<!-- config-reference:start — generated from api/src/core/config/app-config.ts by `npm run docs:config`; edit there, not here -->';
export const REFERENCE_END = '<!-- config-reference:end -->';

/** A value no check accepts, and what it stands for in the messages quoted. */
const BAD_VALUE = 'x';

/** Settings that make other variables required: the conditions `loadConfig` checks. */
const CONDITIONS: Record<string, string>[] = [
  { NODE_ENV: 'production' },
  { NODE_ENV: 'production', DATABASE_URL: 'postgres://owner@db.example/adaldesk' },
  { EVIDENCE_STORAGE: 's3' },
];

/** The environment variables `loadConfig` reads, in the order it first reads them. */
export function variablesRead(): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, name) {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  loadConfig(env);
  return [...read];
}

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** The checks each variable must pass, as `loadConfig` words them (the value quoted left out). */
function constraintsByVariable(names: string[]): Map<string, string[]> {
  const constraints = new Map<string, string[]>(names.map((name) => [name, []]));
  const add = (name: string, problem: string) => {
    const text = problem
      .replace(`, got "${BAD_VALUE}"`, '')
      .replace(` "${BAD_VALUE}"`, '')
      .replace(new RegExp(`^${name} (?=must |is |needs )`), '');
    const list = constraints.get(name)!;
    if (!list.includes(text)) list.push(text);
  };
  for (const name of names) for (const problem of problemsOf({ [name]: BAD_VALUE })) add(name, problem);
  for (const condition of CONDITIONS) {
    for (const problem of problemsOf(condition)) {
      const named = names.find((name) => problem.startsWith(`${name} `) || problem.startsWith(`${name},`));
      if (!named) throw new Error(`A configuration problem names no variable: "${problem}"`);
      add(named, problem);
    }
  }
  return constraints;
}

function settingOf(config: object, path: string): unknown {
  let value: unknown = config;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      throw new Error(`CONFIG_VARIABLES names a setting that AppConfig does not have: ${path}`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function formatDefault(value: unknown, unset: string | undefined): string {
  let shown: string;
  if (value === null) shown = 'unset';
  else if (Array.isArray(value)) shown = value.length === 0 ? 'none' : value.map((item) => `\`${item}\``).join(', ');
  else shown = `\`${String(value)}\``;
  if (!unset) return shown;
  return value === null ? `${shown}: ${unset}` : `${shown} (${unset})`;
}

/** A Markdown table laid out as Prettier lays it out, so the formatting check leaves it alone. */
function markdownTable(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(cells[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.slice(1).map((row) => line(row)),
  ].join('\n');
}

/** The reference table: every variable `loadConfig` reads, its default, meaning and checks. */
export function configReferenceTable(): string {
  const read = variablesRead();
  const described = Object.keys(CONFIG_VARIABLES);
  const undescribed = read.filter((name) => !described.includes(name));
  const unread = described.filter((name) => !read.includes(name));
  if (undescribed.length > 0 || unread.length > 0) {
    throw new Error(
      'CONFIG_VARIABLES must describe exactly the variables loadConfig reads.' +
        (undescribed.length > 0 ? ` Not described: ${undescribed.join(', ')}.` : '') +
        (unread.length > 0 ? ` Not read: ${unread.join(', ')}.` : ''),
    );
  }
  const defaults = loadConfig({});
  const constraints = constraintsByVariable(described);
  const rows = Object.entries(CONFIG_VARIABLES).map(([name, { setting, meaning, unset }]) => [
    `\`${name}\``,
    formatDefault(settingOf(defaults, setting), unset),
    meaning,
    constraints.get(name)!.join('; ') || '—',
  ]);
  return markdownTable(['variable', 'default', 'meaning', 'checked at start'], rows);
}

/** `markdown` with the text between the reference's markers replaced by the current table. */
export function withConfigReference(markdown: string): string {
  const start = markdown.indexOf(REFERENCE_START);
  const end = markdown.indexOf(REFERENCE_END);
  if (start === -1 || end < start) {
    throw new Error(`The document has no "${REFERENCE_START}" … "${REFERENCE_END}" section`);
  }
  const before = markdown.slice(0, start + REFERENCE_START.length);
  return `${before}\n\n${configReferenceTable()}\n\n${markdown.slice(end)}`;
}
