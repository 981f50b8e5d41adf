// Configuration: flags > environment (and .env) > exposure.config.(json|yaml) > defaults, validated once with
// precise messages, then frozen. The API token is read from the environment or .env only: never from a flag
// (shell history, process lists) and never from the config file (it gets committed and shared).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import * as f from './config-fields.ts';
import { ConfigError } from './errors.ts';
import type { Severity } from './types.ts';

export interface Config {
  site?: string;
  email?: string;
  apiToken?: string;
  db: string;
  keyFile?: string;
  /** EXPOSURE_TEST_GATEWAY: a loopback stand-in for the API gateway (tests only; see sources/gateway.ts). */
  testGateway?: string;
  scan: {
    mode: 'auto' | 'full' | 'incremental';
    products: Array<'jira' | 'confluence'>;
    projects: string[];
    spaces: string[];
    excludeProjects: string[];
    excludeSpaces: string[];
    archived: boolean;
    includeHistory: boolean;
    /** Call the API gateway (scoped tokens) without trying the site URL first. */
    gateway: boolean;
    concurrency: number;
    workers: number;
    timeoutSeconds: number;
    maxBodyMb: number;
    /** `content`: attachment contents are read too (names, comments and types always are). */
    attachments: 'metadata' | 'content';
    attachmentMaxMb: number;
    attachmentBudgetMb: number;
    reconcileDays: number;
    allowPartial: boolean;
    /** Places known to be refused to the token (`FIN`, `jira:FIN`): reported as expected gaps, exit 0. */
    expectForbidden: string[];
    failOn: Severity | 'none';
  };
  contribution: {
    plan: 'free' | 'standard' | 'premium' | 'enterprise';
    excluded: string[];
    since?: string;
  };
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'; file?: string };
}

interface Setting {
  path: string;
  env?: string;
  /** Environment only, never the config file (it gets committed and shared): the refusal when found there. */
  envOnly?: string;
  /** commander's camelCase option name */
  flag?: string;
  parse: f.Parser<unknown>;
  default?: unknown;
}

const key = f.text;
const SETTINGS: Setting[] = [
  { path: 'site', env: 'ATLASSIAN_SITE', flag: 'site', parse: f.siteUrl },
  { path: 'email', env: 'ATLASSIAN_EMAIL', flag: 'email', parse: f.email },
  {
    path: 'apiToken',
    env: 'ATLASSIAN_API_TOKEN',
    parse: f.text,
    envOnly: 'keep the token out of config files; set ATLASSIAN_API_TOKEN or use .env',
  },
  { path: 'db', env: 'EXPOSURE_DB', flag: 'db', parse: f.text, default: 'data/exposure.db' },
  { path: 'keyFile', env: 'EXPOSURE_KEY_FILE', flag: 'keyFile', parse: f.text },
  {
    path: 'testGateway',
    env: 'EXPOSURE_TEST_GATEWAY',
    parse: f.siteUrl,
    envOnly: 'a test hook, read from EXPOSURE_TEST_GATEWAY only',
  },
  { path: 'scan.mode', flag: 'mode', parse: f.oneOf(['auto', 'full', 'incremental']), default: 'auto' },
  {
    path: 'scan.products',
    flag: 'products',
    parse: f.list(f.oneOf(['jira', 'confluence'])),
    default: ['jira', 'confluence'],
  },
  { path: 'scan.projects', flag: 'project', parse: f.list(key), default: [] },
  { path: 'scan.spaces', flag: 'space', parse: f.list(key), default: [] },
  { path: 'scan.excludeProjects', flag: 'excludeProject', parse: f.list(key), default: [] },
  { path: 'scan.excludeSpaces', flag: 'excludeSpace', parse: f.list(key), default: [] },
  { path: 'scan.archived', flag: 'archived', parse: f.boolean, default: false },
  { path: 'scan.includeHistory', flag: 'includeHistory', parse: f.boolean, default: false },
  { path: 'scan.gateway', flag: 'gateway', parse: f.boolean, default: false },
  {
    path: 'scan.concurrency',
    env: 'EXPOSURE_CONCURRENCY',
    flag: 'concurrency',
    parse: f.integer(1, 64),
    default: 8,
  },
  { path: 'scan.workers', env: 'EXPOSURE_WORKERS', flag: 'workers', parse: f.integer(0, 64), default: 0 },
  { path: 'scan.timeoutSeconds', flag: 'timeout', parse: f.integer(1, 600), default: 60 },
  { path: 'scan.maxBodyMb', flag: 'maxBodyMb', parse: f.integer(1, 1024), default: 20 },
  {
    path: 'scan.attachments',
    flag: 'attachments',
    parse: f.oneOf(['metadata', 'content']),
    default: 'metadata',
  },
  { path: 'scan.attachmentMaxMb', flag: 'attachmentMaxMb', parse: f.integer(1, 1024), default: 5 },
  {
    path: 'scan.attachmentBudgetMb',
    flag: 'attachmentBudgetMb',
    parse: f.integer(1, 1_000_000),
    default: 500,
  },
  { path: 'scan.reconcileDays', flag: 'reconcileDays', parse: f.integer(0, 365), default: 7 },
  { path: 'scan.allowPartial', flag: 'allowPartial', parse: f.boolean, default: false },
  { path: 'scan.expectForbidden', flag: 'expectForbidden', parse: f.list(key), default: [] },
  { path: 'scan.failOn', flag: 'failOn', parse: f.severityOrNone, default: 'none' },
  {
    path: 'contribution.plan',
    env: 'EXPOSURE_PLAN',
    flag: 'plan',
    parse: f.oneOf(['free', 'standard', 'premium', 'enterprise']),
    default: 'standard',
  },
  { path: 'contribution.excluded', flag: 'excluded', parse: f.list(key), default: [] },
  { path: 'contribution.since', flag: 'since', parse: f.isoDate },
  {
    path: 'log.level',
    env: 'EXPOSURE_LOG_LEVEL',
    flag: 'logLevel',
    parse: f.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'warn',
  },
  { path: 'log.file', env: 'EXPOSURE_LOG_FILE', flag: 'logFile', parse: f.text },
];

/** Every environment variable a setting reads, in table order (for --help). */
export const ENVIRONMENT_VARIABLES: readonly string[] = SETTINGS.flatMap((s) => (s.env ? [s.env] : []));

const CONFIG_FILES = ['exposure.config.json', 'exposure.config.yaml', 'exposure.config.yml'];

export interface ConfigSources {
  flags?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Explicit --config path; otherwise the first of CONFIG_FILES found in cwd; false reads none (demo). */
  configFile?: string | false;
  /** Settings the command cannot do without (a scan needs the site and credentials): missing ones are problems. */
  required?: ReadonlyArray<keyof typeof MISSING>;
}

/** What to say when a required setting is missing. */
const MISSING = {
  site: 'no site: pass --site https://your-site.atlassian.net or set ATLASSIAN_SITE',
  email: 'no account email: pass --email or set ATLASSIAN_EMAIL',
  apiToken: 'no API token: set ATLASSIAN_API_TOKEN in the environment or in .env (never on the command line)',
} as const;

function readConfigFile(
  cwd: string,
  explicit?: string | false,
): { file?: string; data: Record<string, unknown> } {
  if (explicit === false) return { data: {} };
  const file = explicit
    ? resolve(cwd, explicit)
    : CONFIG_FILES.map((n) => join(cwd, n)).find((p) => existsSync(p));
  if (!file) return { data: {} };
  let data: unknown;
  try {
    const raw = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(
      `${file}: cannot be read as ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason}`,
    );
  }
  if (data == null) return { file, data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${file}: must be an object`);
  return { file, data: data as Record<string, unknown> };
}

/** The .env file only fills variables the real environment does not set. */
function environment(cwd: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dotenv = join(cwd, '.env');
  if (!existsSync(dotenv)) return env;
  try {
    return { ...parseEnv(readFileSync(dotenv, 'utf8')), ...env };
  } catch (error) {
    throw new ConfigError(`${dotenv}: cannot be parsed: ${(error as Error).message}`);
  }
}

function getPath(object: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], object);
}

function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node = object;
  for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
  node[last] = value;
}

/** Keys present in the file that no setting knows: typos must not pass silently. */
function unknownKeys(data: Record<string, unknown>, prefix = ''): string[] {
  const known = new Set(SETTINGS.map((s) => s.path));
  return Object.entries(data).flatMap(([k, v]) => {
    const path = prefix + k;
    if (known.has(path)) return [];
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      SETTINGS.some((s) => s.path.startsWith(path + '.'))
    ) {
      return unknownKeys(v as Record<string, unknown>, path + '.');
    }
    return [path];
  });
}

export function loadConfig(sources: ConfigSources = {}): Readonly<Config> {
  const cwd = sources.cwd ?? process.cwd();
  const flags = sources.flags ?? {};
  const env = environment(cwd, sources.env ?? process.env);
  const { file, data } = readConfigFile(cwd, sources.configFile);
  const where = file ?? 'config';
  const problems: string[] = unknownKeys(data).map((k) => `${where}: ${k}: unknown setting`);
  for (const { path, envOnly } of SETTINGS) {
    if (envOnly && getPath(data, path) !== undefined) problems.push(`${where}: ${path}: ${envOnly}`);
  }
  const config: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const setting of SETTINGS) {
    const layers: Array<[string, unknown]> = [
      [`--${kebab(setting.flag ?? '')}`, setting.flag ? flags[setting.flag] : undefined],
      [setting.env ?? '', setting.env ? env[setting.env] : undefined],
      [setting.path, setting.envOnly ? undefined : getPath(data, setting.path)],
    ];
    const found = layers.find(([, value]) => value !== undefined && value !== '');
    if (!found) {
      if (setting.default !== undefined) setPath(config, setting.path, setting.default);
      continue;
    }
    try {
      setPath(config, setting.path, setting.parse(found[1]));
    } catch (error) {
      invalid.add(setting.path);
      problems.push(
        `${found[0] === setting.path ? where + ': ' + setting.path : found[0]}: ${(error as Error).message}`,
      );
    }
  }
  // Every problem at once: a user fixing them one run at a time would run the command once per problem.
  for (const name of sources.required ?? [])
    if (config[name] === undefined && !invalid.has(name)) problems.push(MISSING[name]);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return deepFreeze(config) as unknown as Config;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
