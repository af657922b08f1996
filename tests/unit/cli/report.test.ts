import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const root = resolve(__dirname, '../../..');
const fixtures = join(root, 'tests/fixtures/analytics');
/** Run as a user would, in a time zone that is not UTC (nothing may read local time). */
const funnel = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'America/Bogota' },
  });

describe('funnel report', () => {
  it('prints the JSON alone on stdout with --json, a table without, and exits 0', () => {
    const db = join(tempDir(), 'golden.db');
    const imp = funnel(
      'import',
      '--db',
      db,
      '--deals',
      join(fixtures, 'deals.csv'),
      '--history',
      join(fixtures, 'history.csv'),
      '--stages',
      join(fixtures, 'stages.csv'),
    );
    expect(imp.status).toBe(0);

    const json = funnel('report', 'funnel', '--db', db, '--as-of', '2026-03-31', '--json');
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { stages: { key: string; reached: number }[]; deals: number };
    expect(parsed.stages.map((s) => [s.key, s.reached])).toEqual([
      ['lead', 6],
      ['demo', 4],
      ['deal', 2],
    ]);
    expect(parsed.deals).toBe(6);

    const changes = funnel(
      'report',
      'changes',
      '--db',
      db,
      '--as-of',
      '2026-03-31',
      '--from',
      '2026-02-12',
      '--to',
      '2026-03-18',
      '--period-start',
      '2026-01-01',
      '--period-end',
      '2026-04-01',
      '--json',
    );
    expect(changes.status).toBe(0);
    expect(JSON.parse(changes.stdout)).toMatchObject({ start: 3350, end: 2400 });

    const table = funnel('report', 'attention', '--db', db, '--as-of', '2026-03-31');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/C\s+deal\s+56\.8\s+2\s+stalled, pushed, shrunk, noNextStep/);
  });

  it('exits 2 on bad usage and 1 when the workspace is missing, naming the problem on stderr', () => {
    const db = join(tempDir(), 'none.db');
    const cases: [string[], number, RegExp][] = [
      [['report', 'sideways', '--db', db], 2, /say which report/],
      [['report', 'funnel', '--db', db, '--as-of', '2026-02-30'], 2, /--as-of must be/],
      [
        ['report', 'funnel', '--db', db, '--from', '2026-03-01', '--to', '2026-02-01'],
        2,
        /--from must not be after --to/,
      ],
      [['report', 'changes', '--db', db, '--from', '2026-01-01'], 2, /changes needs --from T0 and --to T1/],
      [
        [
          'report',
          'changes',
          '--db',
          db,
          '--from',
          '2026-01-01',
          '--to',
          '2026-02-01',
          '--quarter',
          '2026Q5',
        ],
        2,
        /--quarter must look like/,
      ],
      [
        [
          'report',
          'changes',
          '--db',
          db,
          '--from',
          '2026-01-01',
          '--to',
          '2026-02-01',
          '--period-start',
          '2026-01-01',
        ],
        2,
        /go together/,
      ],
      [['report', 'funnel'], 2, /--db PATH is required/],
      [['report', 'funnel', '--db', db, '--json'], 1, /none\.db/],
    ];
    for (const [args, status, message] of cases) {
      const r = funnel(...args);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
  });
});
