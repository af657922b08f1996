import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgendaProposal, Meeting } from '@shared/contract';
import { openWorkspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import { call } from '../analytics/support';
import { tempDir } from '../../support/temp';

const root = resolve(__dirname, '../../..');
const funnel = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], { cwd: root, encoding: 'utf8' });

/** A demo workspace file with one review of its first team held: a next step recorded. */
async function workspaceWithReview(dir: string): Promise<{ db: string; meeting: Meeting }> {
  const db = join(dir, 'w.db');
  const demo = funnel('demo', '--db', db, '--deals', '400', '--seed', '3', '--today', '2026-11-20');
  expect(demo.status, demo.stderr).toBe(0);
  const ws = await openWorkspace(db);
  try {
    const registry = createBackend(ws);
    const team = (await call<{ teams: string[] }>(registry, 'pipeline.facets', {})).teams[0]!;
    const scope = { team, reps: [] };
    const proposal = await call<AgendaProposal>(registry, 'review.propose', {
      scope,
      style: 'top',
      budgetMinutes: 20,
    });
    const draft = await call<Meeting>(registry, 'review.save', {
      title: `${team} weekly`,
      scope,
      style: 'top',
      budgetMinutes: 20,
      agenda: proposal.agenda.map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
    });
    const meeting = await call<Meeting>(registry, 'review.start', { id: draft.id });
    await call(registry, 'review.record', {
      meetingId: meeting.id,
      itemId: meeting.agenda[0]!.id,
      kind: 'next_step',
      text: 'Confirm the budget owner',
      dueDate: '2026-11-27',
    });
    return { db, meeting: await call<Meeting>(registry, 'review.end', { id: meeting.id }) };
  } finally {
    await ws.close();
  }
}

describe('funnel review', () => {
  it('lists the reviews and writes a review’s minutes as Markdown or DOCX', async () => {
    const dir = tempDir();
    const { db, meeting } = await workspaceWithReview(dir);
    const list = funnel('review', 'list', '--db', db, '--json');
    expect(list.status, list.stderr).toBe(0);
    const { meetings } = JSON.parse(list.stdout) as { meetings: { id: number; nextStepCount: number }[] };
    expect(meetings.map((m) => [m.id, m.nextStepCount])).toEqual([[meeting.id, 1]]);
    const table = funnel('review', 'list', '--db', db);
    expect(table.stdout).toContain(`${meeting.title}`);

    const md = join(dir, 'minutes.md');
    const r = funnel(
      'review',
      'minutes',
      '--db',
      db,
      '--meeting',
      String(meeting.id),
      '--format',
      'md',
      '--out',
      md,
      '--lang',
      'zh-CN',
    );
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`# 会议纪要 — ${meeting.title}`);
    expect(text).toContain('Confirm the budget owner');
    expect(text).toContain('2026-11-27');

    const docx = join(dir, 'minutes.docx');
    expect(
      funnel(
        'review',
        'minutes',
        '--db',
        db,
        '--meeting',
        String(meeting.id),
        '--format',
        'docx',
        '--out',
        docx,
      ).status,
    ).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('refuses bad usage with 2, and a missing review or folder with 1, writing nothing', async () => {
    const dir = tempDir();
    const { db } = await workspaceWithReview(dir);
    for (const args of [
      ['review'],
      ['review', 'minutes', '--db', db, '--format', 'md', '--out', join(dir, 'x.md')],
      ['review', 'minutes', '--db', db, '--meeting', 'first', '--out', join(dir, 'x.md')],
      ['review', 'minutes', '--db', db, '--meeting', '1', '--format', 'pdf', '--out', join(dir, 'x.pdf')],
    ]) {
      const r = funnel(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const missing = funnel('review', 'minutes', '--db', db, '--meeting', '99', '--out', join(dir, 'm.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Review 99 no longer exists.');
    expect(existsSync(join(dir, 'm.md'))).toBe(false);
    const folder = join(dir, 'nowhere');
    const noFolder = funnel('review', 'minutes', '--db', db, '--meeting', '1', '--out', join(folder, 'm.md'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toContain(`The folder ${folder} does not exist; nothing was written.`);
  }, 120_000);
});
