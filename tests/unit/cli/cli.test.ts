import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const root = resolve(__dirname, '../../..');
const funnel = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], { cwd: root, encoding: 'utf8' });
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const KINDS = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;

describe('the funnel command', () => {
  it('demo → export → import into a new workspace → export gives identical files', () => {
    const dir = tempDir();
    const a = join(dir, 'a.db');
    const demo = funnel('demo', '--db', a, '--deals', '800', '--seed', '5', '--today', '2026-11-20');
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('800 deals');
    for (const k of KINDS)
      expect(funnel('export', k, '--db', a, '--out', join(dir, `a-${k}.csv`)).status).toBe(0);
    const b = join(dir, 'b.db');
    const imp = funnel('import', '--db', b, ...KINDS.flatMap((k) => [`--${k}`, join(dir, `a-${k}.csv`)]));
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/Imported 800 deals/);
    for (const k of KINDS) {
      expect(funnel('export', k, '--db', b, '--out', join(dir, `b-${k}.csv`)).status).toBe(0);
      expect(readFileSync(join(dir, `b-${k}.csv`), 'utf8'), k).toBe(
        readFileSync(join(dir, `a-${k}.csv`), 'utf8'),
      );
    }
    // Twelve CLI processes, each starting TypeScript: slow on a busy two-core machine.
  }, 120_000);

  it('is deterministic for a seed', () => {
    const dir = tempDir();
    for (const name of ['x', 'y']) {
      expect(
        funnel(
          'demo',
          '--db',
          join(dir, `${name}.db`),
          '--deals',
          '300',
          '--seed',
          '9',
          '--today',
          '2026-06-30',
        ).status,
      ).toBe(0);
      expect(
        funnel('export', 'history', '--db', join(dir, `${name}.db`), '--out', join(dir, `${name}.csv`))
          .status,
      ).toBe(0);
    }
    expect(hash(join(dir, 'x.csv'))).toBe(hash(join(dir, 'y.csv')));
  });

  it('answers bad usage with exit code 2 and a usage text on stderr', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['demo'],
      ['demo', '--db', 'x.db', '--deals', 'many'],
      ['export', 'deals', '--db', 'x.db'],
      ['import', '--db', 'x.db'],
      ['demo', '--db', 'x.db', '--colour', 'red'],
    ]) {
      const r = funnel(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('funnel');
      expect(r.stdout).toBe('');
    }
  });

  it('a malformed CSV fails with exit 1, names file, line and reason, and changes nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'w.db');
    expect(funnel('demo', '--db', db, '--deals', '200', '--today', '2026-11-20').status).toBe(0);
    const before = join(dir, 'before.csv');
    funnel('export', 'deals', '--db', db, '--out', before);
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'id,stage,created_at,amount\nN1,need,2026-01-01,100\nN2,nowhere,2026-01-01,100\nN3,need,someday,1\n',
    );
    const r = funnel('import', '--db', db, '--deals', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:3`);
    expect(r.stderr).toContain('"nowhere"');
    expect(r.stderr).toContain(`${bad}:4`);
    expect(r.stderr).toMatch(/nothing was imported/);
    const after = join(dir, 'after.csv');
    funnel('export', 'deals', '--db', db, '--out', after);
    expect(readFileSync(after, 'utf8')).toBe(readFileSync(before, 'utf8'));
    // With --skip-invalid the valid row goes in (into the demo's place: demo data is replaced).
    const skip = funnel('import', '--db', db, '--deals', bad, '--skip-invalid');
    expect(skip.status, skip.stderr).toBe(0);
    expect(skip.stdout).toMatch(/Imported 1 deals/);
  });

  it('a failed import into a new file leaves no file behind', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,name\nX,y\n');
    const db = join(dir, 'new.db');
    const r = funnel('import', '--db', db, '--deals', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/required column/);
    expect(existsSync(db)).toBe(false);
  });

  it('a demo that cannot be made into a new file leaves no file behind', () => {
    const db = join(tempDir(), 'new.db');
    const r = funnel('demo', '--db', db, '--deals', '6000000');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--deals must be a whole number from 1 to 5000000');
    expect(existsSync(db)).toBe(false);
  });

  it('an empty file is not a workspace: read-only commands refuse it and leave it empty', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const r = funnel('export', 'deals', '--db', empty, '--out', join(dir, 'x.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty/);
    expect(readFileSync(empty).length).toBe(0);
  });

  it('a backup onto an existing file is refused with a message, not a stack trace', () => {
    const dir = tempDir();
    const db = join(dir, 'w.db');
    expect(funnel('demo', '--db', db, '--deals', '50', '--today', '2026-11-20').status).toBe(0);
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'keep me');
    const r = funnel('backup', '--db', db, '--out', taken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).not.toMatch(/\bat \S+ \(/);
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(funnel('backup', '--db', db, '--out', join(dir, 'copy.db')).status).toBe(0);
  });

  it('a missing, corrupt or newer-schema workspace fails with exit 1 and a clear message, unchanged', () => {
    const dir = tempDir();
    const missing = funnel('export', 'deals', '--db', join(dir, 'nope.db'), '--out', join(dir, 'o.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No workspace at .*nope\.db/);
    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(corrupt, 'garbage'.repeat(1000));
    const h = hash(corrupt);
    const c = funnel('export', 'deals', '--db', corrupt, '--out', join(dir, 'o.csv'));
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/cannot be opened as a workspace/);
    expect(hash(corrupt)).toBe(h);
    const missingFile = funnel('import', '--db', join(dir, 'w.db'), '--deals', join(dir, 'no-such.csv'));
    expect(missingFile.status).toBe(1);
    expect(missingFile.stderr).toMatch(/no file at .*no-such\.csv/);
  });
});
