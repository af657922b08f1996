import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Meeting, MinutesFile } from '@shared/contract';
import type { Registry } from '@backend/registry';
import { call, reviewWorkspace, startedReview } from './support';

/** A review held and minuted: a decision, two next steps (one on E1), an agreed category, notes. */
async function heldReview(registry: Registry): Promise<Meeting> {
  const meeting = await startedReview(registry);
  const e1 = meeting.agenda.find((i) => i.dealId === 'E1')!;
  await call(registry, 'review.record', {
    meetingId: meeting.id,
    itemId: e1.id,
    kind: 'decision',
    text: 'Discount capped at 10%',
  });
  await call(registry, 'review.record', {
    meetingId: meeting.id,
    itemId: e1.id,
    kind: 'next_step',
    text: 'Send the revised quote | v2',
    assignee: 'Ann',
    dueDate: '2026-03-06',
  });
  await call(registry, 'review.record', {
    meetingId: meeting.id,
    kind: 'next_step',
    text: '约见财务总监',
    assignee: 'Bob',
    dueDate: '2026-03-09',
  });
  await call(registry, 'review.agree', {
    itemId: e1.id,
    category: 'commit',
    closeDate: '2026-03-31',
    followUp: true,
  });
  await call(registry, 'review.notes', { id: meeting.id, notes: 'Pipeline is thin for April.' });
  return call<Meeting>(registry, 'review.end', { id: meeting.id });
}

/** The text of each cell of each table row in a DOCX's body. */
function docxTables(base64: string): string[][][] {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const xml = strFromU8(files['word/document.xml']!);
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!).replace(/&amp;/g, '&')),
    ),
  );
}

describe('the minutes', () => {
  it('in Markdown: the facts, a table of decisions and next steps with owners and due dates, open items, notes', async () => {
    const { registry } = await reviewWorkspace();
    const meeting = await heldReview(registry);
    const md = await call<MinutesFile>(registry, 'review.minutes', {
      id: meeting.id,
      format: 'md',
      lang: 'en',
    });
    expect(md.fileName).toBe(`review-${meeting.id}-2026-03-02.md`);
    const text = md.text!;
    expect(text).toContain('# Minutes — East weekly');
    expect(text).toContain('- **Scope:** East · all reps');
    expect(text).toContain('## Decisions and next steps');
    expect(text).toContain('| # | Kind | Deal or rep | Text | Owner | Due | Status |');
    expect(text).toContain('| 1 | Decision | Deal E1 (E1) | Discount capped at 10% |  |  |  |');
    // A pipe in a cell is escaped, so the row keeps its columns.
    expect(text).toContain(
      '| 2 | Next step | Deal E1 (E1) | Send the revised quote \\| v2 | Ann | 2026-03-06 | open |',
    );
    expect(text).toContain('| 3 | Next step | Meeting | 约见财务总监 | Bob | 2026-03-09 | open |');
    expect(text).toContain('| Deal E1 (E1) | Proposal & comparison | Commit | 2026-03-31 | yes |');
    expect(text).toContain('## Open items');
    expect(text).toContain('- Flagged for follow-up: Deal E1');
    expect(text).toContain('Pipeline is thin for April.');

    const zh = await call<MinutesFile>(registry, 'review.minutes', {
      id: meeting.id,
      format: 'md',
      lang: 'zh-CN',
    });
    expect(zh.text).toContain('# 会议纪要 — East weekly');
    expect(zh.text).toContain('## 决定与后续行动');
    expect(zh.text).toContain(
      '| 2 | 后续行动 | Deal E1 (E1) | Send the revised quote \\| v2 | Ann | 2026-03-06 | 未完成 |',
    );
    expect(zh.text).toContain('| Deal E1 (E1) | 报价比选 | 承诺 | 2026-03-31 | 是 |');
  });

  it('as DOCX, in both languages, with the decisions and next steps as a real table', async () => {
    const { registry } = await reviewWorkspace();
    const meeting = await heldReview(registry);
    for (const [lang, header, kind] of [
      ['en', ['#', 'Kind', 'Deal or rep', 'Text', 'Owner', 'Due', 'Status'], 'Next step'],
      ['zh-CN', ['#', '类型', '商机或销售', '内容', '负责人', '截止', '状态'], '后续行动'],
    ] as const) {
      const file = await call<MinutesFile>(registry, 'review.minutes', {
        id: meeting.id,
        format: 'docx',
        lang,
      });
      expect(file.fileName).toMatch(/\.docx$/);
      const tables = docxTables(file.base64!);
      const decisions = tables.find((t) => t[0]!.join('|') === header.join('|'))!;
      expect(decisions).toBeDefined();
      expect(decisions.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
        [lang === 'en' ? 'Decision' : '决定', 'Discount capped at 10%', '', ''],
        [kind, 'Send the revised quote | v2', 'Ann', '2026-03-06'],
        [kind, '约见财务总监', 'Bob', '2026-03-09'],
      ]);
    }
  });
});
