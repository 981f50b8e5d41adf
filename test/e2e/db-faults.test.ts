// Disk full, read-only database and uncreatable --db folders, against the built binary: one `exposure:` line,
// exit 2, no stack trace, the database unchanged (or intact and resumable), no file left behind. Mounting and
// immutable files need root; without it these tests skip and say why, except under CI where they fail.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteContent } from '../../src/fake-site/generator.ts';
import { startFakeSite, type FakeSite } from '../../src/fake-site/server.ts';
import { CliWorkspace, expectOneLineError, runCli, type CliResult } from '../cli/run-cli.ts';
import { scanState, storedItems } from './db-state.ts';
import { canMakeReadOnly, canMount, makeReadOnly, Tmpfs, undoReadOnly } from './read-only-fs.ts';
import { describeWith } from '../support/requirement.ts';

const ws = new CliWorkspace();
const clean = ws.path('clean.db');
const mounts: Tmpfs[] = [];
const readOnlyFiles: string[] = [];
const mountable = { what: 'the privilege to mount a tmpfs (root or CAP_SYS_ADMIN)', present: canMount() };
const immutable = {
  what: 'the privilege to make a file immutable (root or CAP_LINUX_IMMUTABLE)',
  present: canMakeReadOnly(ws.path('probe')),
};
let site: FakeSite;
let fingerprint: string;

function exposure(args: readonly string[]): Promise<CliResult> {
  return runCli(ws, args, {
    env: { ATLASSIAN_SITE: site.url, ATLASSIAN_EMAIL: site.email, ATLASSIAN_API_TOKEN: site.token },
  });
}

const scanArgs = (db: string) => [
  'scan',
  '--quiet',
  '--workers',
  '1',
  '--allow-partial',
  '--log-file',
  ws.path('scan.log'),
  '--db',
  db,
];

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function integrity(db: string): string {
  const handle = new Database(db, { fileMustExist: true });
  try {
    return handle.pragma('integrity_check', { simple: true }) as string;
  } finally {
    handle.close();
  }
}

/** A copy of the clean database in its own folder, so each case sees only its own leftovers. */
function cleanCopy(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, 'exposure.db');
  copyFileSync(clean, copy);
  return copy;
}

beforeAll(async () => {
  site = await startFakeSite({
    content: createSiteContent({ seed: 5, issues: 800, pages: 150, now: '2026-11-01T00:00:00Z' }),
  });
  expect((await exposure(scanArgs(clean))).code).toBe(0);
  const db = new Database(clean, { readonly: true });
  fingerprint = (db.prepare('SELECT fingerprint FROM findings LIMIT 1').get() as { fingerprint: string })
    .fingerprint;
  db.close();
}, 240_000);

afterAll(async () => {
  for (const file of readOnlyFiles) undoReadOnly(file);
  for (const mount of mounts) mount.remove();
  await site.stop();
  ws.remove();
});

/** The commands that open a database, with the output file each writes (named after `place`). */
function commands(place: string): Array<[string, (db: string) => string[], string]> {
  const out = (name: string) => `${place}-${name}`;
  return [
    ['scan', (db) => scanArgs(db), ''],
    ['suppress', (db) => ['suppress', fingerprint, '--reason', 'fault test', '--db', db], ''],
    [
      'report --html',
      (db) => ['report', '--db', db, '--html', ws.path(out('report.html'))],
      out('report.html'),
    ],
    [
      'export csv',
      (db) => ['export', 'csv', '--db', db, '--out', ws.path(out('export.csv'))],
      out('export.csv'),
    ],
  ];
}

describeWith(mountable, 'on a tmpfs (needs mount)', () => {
  it('a disk that fills mid-scan: one line, exit 2, the database intact, and a rerun elsewhere completes', async () => {
    const small = new Tmpfs('1m');
    mounts.push(small);
    const db = join(small.dir, 'exposure.db');
    expectOneLineError(await exposure(scanArgs(db)), /disk holding the database is full.*\(SQLITE_FULL\)$/);
    const roomy = ws.path('resumed.db');
    for (const suffix of ['', '-wal']) if (existsSync(db + suffix)) copyFileSync(db + suffix, roomy + suffix);
    expect(integrity(roomy)).toBe('ok');
    expect(storedItems(roomy)).toBeGreaterThan(0);
    expect((await exposure(scanArgs(roomy))).code).toBe(0);
    expect(integrity(roomy)).toBe('ok');
    expect(scanState(roomy)).toEqual(scanState(clean));
  }, 240_000);

  describe('a database on a read-only mount', () => {
    let mount: Tmpfs;
    let db: string;
    let hash: string;

    beforeAll(() => {
      mount = new Tmpfs('4m');
      mounts.push(mount);
      db = join(mount.dir, 'exposure.db');
      copyFileSync(clean, db);
      hash = sha256(db);
      mount.readOnly();
    });

    it.each(commands('mount'))(
      '%s: one line, exit 2, database unchanged, no output left',
      async (_name, args, out) => {
        expectOneLineError(await exposure(args(db)), /read-only|writable/);
        expect(sha256(db)).toBe(hash);
        expect(readdirSync(mount.dir)).toEqual(['exposure.db']);
        if (out) expect(existsSync(ws.path(out))).toBe(false);
      },
    );

    it('--db in a folder that cannot be created there: one line, exit 2', async () => {
      expectOneLineError(
        await exposure(scanArgs(join(mount.dir, 'new', 'x.db'))),
        /cannot create the folder/,
      );
    });
  });
});

describeWith(immutable, 'a read-only database file (mode 0400, immutable for root)', () => {
  it.each(commands('file').slice(0, 2))(
    '%s: one line, exit 2, file unchanged, nothing left beside it',
    async (name, args) => {
      const db = cleanCopy(ws.path(`read-only-${name}`));
      const hash = sha256(db);
      makeReadOnly(db);
      readOnlyFiles.push(db);
      expectOneLineError(
        await exposure(args(db)),
        /cannot open .*: the database is read-only: .*\((EPERM|EACCES)\)$/,
      );
      expect(sha256(db)).toBe(hash);
      expect(readdirSync(ws.path(`read-only-${name}`))).toEqual(['exposure.db']);
    },
  );

  it.each(commands('file').slice(2))(
    '%s only reads: it works, and the file is unchanged',
    async (name, args, out) => {
      const db = cleanCopy(ws.path(`read-only-${name}`));
      const hash = sha256(db);
      makeReadOnly(db);
      readOnlyFiles.push(db);
      expect((await exposure(args(db))).code).toBe(0);
      expect(sha256(db)).toBe(hash);
      expect(existsSync(ws.path(out))).toBe(true);
    },
  );
});

describe('--db in a folder that cannot be created', () => {
  it.each([
    ['under a regular file', () => ws.path('a-file/sub/exposure.db')],
    ['under /proc (recursive mkdir would spin there)', () => '/proc/exposure-no-such-folder/exposure.db'],
  ])('%s: one line, exit 2, nothing created', async (_case, path) => {
    writeFileSync(ws.path('a-file'), '');
    const before = ws.files();
    expectOneLineError(await exposure(scanArgs(path())), /cannot create the folder of /);
    expect(ws.files()).toEqual(before);
  });
});
