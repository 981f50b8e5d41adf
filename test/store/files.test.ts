import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { openStore } from '../../src/store/store.ts';
import { beginRun, container, item, sampleKey, sampleMail, sampleMrn, scanned, tempDir } from './helpers.ts';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function temp() {
  const t = tempDir();
  cleanup = t.cleanup;
  return t;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('file permissions', () => {
  it('creates the directory 0700 and the database, WAL and SHM 0600 even under a permissive umask', () => {
    const { dir } = temp();
    const path = join(dir, 'nested', 'exposure.db');
    const previous = process.umask(0);
    try {
      const store = openStore(path);
      const run = beginRun(store, [container('ENG')]);
      store.scans.record(run.runId, [scanned(item('ENG', '1'), 'nothing')]);
      expect(mode(join(dir, 'nested'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`])
        expect([file, mode(file)]).toEqual([file, 0o600]);
      store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing database readable by others', () => {
    const { path } = temp();
    openStore(path).close();
    chmodSync(path, 0o644);
    openStore(path).close();
    expect(mode(path)).toBe(0o600);
  });
});

describe('scan lock', () => {
  it('is created 0600 even under a permissive umask, also when it replaces a stale lock', () => {
    const { path } = temp();
    const previous = process.umask(0);
    try {
      const first = openStore(path, { scanLock: true });
      expect(mode(`${path}.lock`)).toBe(0o600);
      first.close();
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      writeFileSync(
        `${path}.lock`,
        JSON.stringify({ pid: dead, host: hostname(), startedAt: '', token: 't' }),
      );
      chmodSync(`${path}.lock`, 0o644);
      const second = openStore(path, { scanLock: true });
      expect(mode(`${path}.lock`)).toBe(0o600);
      second.close();
    } finally {
      process.umask(previous);
    }
  });

  it('refuses a second scan while the first holds the lock, and allows it afterwards', () => {
    const { path } = temp();
    const first = openStore(path, { scanLock: true });
    expect(() => openStore(path, { scanLock: true })).toThrow(StoreError);
    expect(() => openStore(path, { scanLock: true })).toThrow(
      new RegExp(`another scan \\(pid ${process.pid}`),
    );
    const reader = openStore(path, { readonly: true });
    reader.close();
    first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    openStore(path, { scanLock: true }).close();
  });

  it.each([
    ['a dead pid on this host', true, () => spawnSync(process.execPath, ['-e', '0']).pid, hostname()],
    ['a live pid on this host', false, () => process.ppid, hostname()],
    ['a pid on another host', false, () => 1, 'other-host.invalid'],
  ])('with a lock left by %s, takes it over: %s', (_name, takesOver, pid, host) => {
    const { path } = temp();
    openStore(path).close();
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: pid(), host, startedAt: '2026-11-01T00:00:00Z', token: 't' }),
    );
    if (takesOver) {
      const store = openStore(path, { scanLock: true });
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
      store.close();
    } else {
      expect(() => openStore(path, { scanLock: true })).toThrow(/another scan/);
    }
  });
});

describe('no raw value in the database files', () => {
  it('keeps every planted value out of the database, WAL and SHM bytes', () => {
    const { path } = temp();
    const store = openStore(path);
    const planted = Array.from({ length: 6 }, (_, i) =>
      i % 3 === 0 ? sampleKey() : i % 3 === 1 ? sampleMail() : sampleMrn(),
    );
    for (const round of [1, 2]) {
      const run = beginRun(store, [container('ENG'), container('OPS', 'jira')]);
      store.scans.record(run.runId, [
        scanned(
          item('ENG', '1', { title: `Rotate ${planted[0]} now` }),
          `body ${planted[1]} and ${planted[2]}`,
        ),
        scanned(
          item('OPS', '2', { title: `Patient ${planted[5]}` }, 'jira'),
          round === 1 ? `${planted[3]} ${planted[4]}` : 'cleaned',
        ),
      ]);
      store.runs.finish(run.runId, 'complete');
      store.scores.compute(run.runId);
    }
    const first = [...store.findings.iterate()][0];
    if (first)
      store.suppressions.add({ kind: 'finding', findingId: first.id }, { reason: 'synthetic', by: 'test' });
    const files = [path, `${path}-wal`, `${path}-shm`].filter(existsSync);
    expect(files).toHaveLength(3);
    const check = () => {
      for (const file of files.filter(existsSync)) {
        const bytes = readFileSync(file);
        for (const value of planted)
          expect([file, bytes.includes(Buffer.from(value, 'utf8'))]).toEqual([file, false]);
      }
    };
    check();
    store.close();
    check();
    // The test would be meaningless if the files held nothing: the masked previews are there.
    expect(readFileSync(path).includes(Buffer.from('FKEY', 'utf8'))).toBe(true);
  });
});
