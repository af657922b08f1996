import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPptx } from './pptx';

const root = resolve(__dirname, '../../..');
const funnel = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], { cwd: root, encoding: 'utf8' });

/** `funnel deck`: the file on success, and PRODUCT.md's exit codes for bad input, nothing written. */
describe('funnel deck', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    // One workspace for every case (the shared temp helper empties its folders after each test).
    dir = mkdtempSync(join(tmpdir(), 'funnel-deck-'));
    db = join(dir, 'w.db');
    const demo = funnel('demo', '--db', db, '--deals', '600', '--seed', '4', '--today', '2026-11-20');
    expect(demo.status, demo.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the deck in the language asked for', () => {
    const out = join(dir, 'deck.pptx');
    const run = funnel(
      'deck',
      '--db',
      db,
      '--quarter',
      '2026Q4',
      '--out',
      out,
      '--lang',
      'zh-CN',
      '--as-of',
      '2026-11-20',
    );
    expect(run.status, run.stderr).toBe(0);
    const pptx = readPptx(readFileSync(out));
    expect(pptx.slides.length).toBeGreaterThanOrEqual(15);
    expect(pptx.slides[0]!.title).toBe('2026Q4 季度预测');
  }, 60_000);

  it('exits 2 on a malformed quarter and 1 naming a missing workspace or folder, writing nothing', () => {
    const out = join(dir, 'bad.pptx');
    for (const quarter of ['2026Q5', '26Q4', '2026-Q4']) {
      const run = funnel('deck', '--db', db, '--quarter', quarter, '--out', out);
      expect(run.status, quarter).toBe(2);
      expect(run.stderr).toContain(quarter);
    }
    expect(funnel('deck', '--db', db, '--out', out).status).toBe(2);

    const missing = join(dir, 'nowhere.db');
    const noDb = funnel('deck', '--db', missing, '--quarter', '2026Q4', '--out', out);
    expect(noDb.status).toBe(1);
    expect(noDb.stderr).toContain(missing);
    expect(existsSync(missing)).toBe(false);

    const folder = join(dir, 'no-such-folder');
    const noFolder = funnel('deck', '--db', db, '--quarter', '2026Q4', '--out', join(folder, 'deck.pptx'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain(folder);
    expect(existsSync(folder)).toBe(false);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
