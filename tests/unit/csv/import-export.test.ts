import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, checkImport } from '@backend/imports/import';
import { exportCsv } from '@backend/export/csv';
import { WorkbenchError } from '@shared/result';
import type { ImportFiles } from '@shared/contract';
import { tempWorkspace } from '../../support/temp';

const fixture = (name: string) => ({
  name,
  text: readFileSync(join(__dirname, '../../fixtures/small', name), 'utf8'),
});
const small = (): ImportFiles => ({ deals: fixture('deals.csv'), history: fixture('history.csv') });
const count = (ws: Awaited<ReturnType<typeof tempWorkspace>>, table: string) =>
  ws.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('CSV import', () => {
  it('imports the canonical files and keeps ids, text and amounts exactly', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(ws, small(), { skipInvalid: false });
    expect(out.imported).toMatchObject({ deals: 3, history: 9 });
    const d = ws.sqlite.prepare(`select * from deals where id = '0042'`).get() as Record<string, unknown>;
    expect(d.name).toBe('华信科技 - 云平台, 二期');
    expect(d.next_step).toBe('准备报价\n并约见CFO');
    expect(d.amount_cents).toBe(12_000_050);
    // +08:00 is converted, not read as local time.
    expect(d.updated_at).toBe(Date.parse('2026-03-01T01:30:00Z'));
    // Entered proposal on 2026-02-10.
    expect(d.stage_entered_at).toBe(Date.parse('2026-02-10T00:00:00Z'));
    const formula = ws.sqlite.prepare(`select name from deals where id = 'A-2'`).pluck().get();
    expect(formula).toBe('=HYPERLINK("x")');
    // A-3's first history row is before its created_at: it counts as stamped at created_at.
    expect(
      out.warnings.some((w) => w.file === 'history' && /before their deal's created_at/.test(w.message)),
    ).toBe(true);
  });

  it('reports every bad row by file, line and reason and imports nothing', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, small(), { skipInvalid: false });
    const before = exportCsv(ws, 'deals').text;
    const deals = {
      name: 'deals.csv',
      text:
        'id,name,stage,created_at,amount,close_date,forecast_category\n' +
        'N1,ok,need,2026-05-01,10,,\n' +
        'N2,bad stage,closing,2026-05-01,10,,\n' +
        ',no id,need,2026-05-01,10,,\n' +
        'N4,bad amount,need,2026-05-01,ten,,\n' +
        'N5,bad day,need,2026-02-30,10,2026-13-01,maybe\n' +
        'N1,dupe,need,2026-05-01,10,,\n',
    };
    const check = checkImport(ws, { deals });
    expect(check.valid).toBe(false);
    const lines = check.errors.map((e) => `${e.file}:${e.line}`);
    expect(lines).toEqual(expect.arrayContaining(['deals:3', 'deals:4', 'deals:5', 'deals:6', 'deals:7']));
    expect(check.errors.find((e) => e.line === 3)!.message).toContain('closing');
    expect(
      check.errors
        .filter((e) => e.line === 6)
        .map((e) => e.message)
        .join(' '),
    ).toMatch(/created_at.*close_date.*forecast_category/s);
    expect(() => applyImport(ws, { deals }, { skipInvalid: false })).toThrow(WorkbenchError);
    expect(exportCsv(ws, 'deals').text).toBe(before);

    const partial = applyImport(ws, { deals }, { skipInvalid: true });
    expect(partial.imported.deals).toBe(1);
    expect(count(ws, 'deals')).toBe(4);
  });

  it('refuses a file with a missing required column or broken quoting even with skip-invalid', async () => {
    const ws = await tempWorkspace();
    const noStage = { deals: { name: 'd.csv', text: 'id,name,created_at\nX,y,2026-01-01\n' } };
    expect(() => applyImport(ws, noStage, { skipInvalid: true })).toThrow(/required column\(s\) stage/);
    const broken = { deals: { name: 'd.csv', text: 'id,stage,created_at\nX,need,"2026-01-01\n' } };
    expect(() => applyImport(ws, broken, { skipInvalid: true })).toThrow(/never closed/);
    expect(count(ws, 'deals')).toBe(0);
  });

  it('rolls back everything when writing fails half-way', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, small(), { skipInvalid: false });
    const before = exportCsv(ws, 'deals').text;
    // A trigger makes the database refuse the third new deal mid-transaction.
    ws.sqlite.exec(
      `create trigger boom before insert on deals when new.id = 'Z3' begin select raise(abort, 'disk full'); end`,
    );
    const text = 'id,stage,created_at\nZ1,need,2026-05-01\nZ2,need,2026-05-01\nZ3,need,2026-05-01\n';
    expect(() => applyImport(ws, { deals: { name: 'd.csv', text } }, { skipInvalid: false })).toThrow(
      /disk full/,
    );
    expect(exportCsv(ws, 'deals').text).toBe(before);
  });

  it('warns about unknown columns and a second currency', async () => {
    const ws = await tempWorkspace();
    const text =
      'ID,Stage,created_at,currency,colour\nX1,need,2026-01-01,CNY,red\nX2,need,2026-01-01,USD,blue\n';
    const out = applyImport(ws, { deals: { name: 'd.csv', text } }, { skipInvalid: false });
    expect(out.imported.deals).toBe(2);
    expect(out.warnings.map((w) => w.message).join('\n')).toMatch(
      /unknown column "colour"[\s\S]*currency "USD"/,
    );
  });

  it('re-importing deals.csv alone keeps the stored history; a stages.csv may not drop a used stage', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, small(), { skipInvalid: false });
    applyImport(ws, { deals: fixture('deals.csv') }, { skipInvalid: false });
    expect(count(ws, 'deal_history')).toBe(9);
    const stages = {
      name: 's.csv',
      text: 'key,name,order,kind,probability\nneed,Need,1,open,0.1\nwon,Won,2,won,1\n',
    };
    expect(() => applyImport(ws, { stages }, { skipInvalid: false })).toThrow(/drops stage "proposal"/);
  });
});

describe('CSV import keeps columns and history in agreement', () => {
  it('adds the column value as the last history row when the history lacks the latest change, and says so', async () => {
    const ws = await tempWorkspace();
    const deals = {
      name: 'd.csv',
      text: 'id,stage,created_at,updated_at,amount\nM1,won,2026-01-01,2026-03-05,500\n',
    };
    const history = {
      name: 'h.csv',
      text: 'deal_id,field,value,changed_at\nM1,stage,need,2026-01-01\nM1,stage,negotiation,2026-02-01\nM1,amount,500,2026-01-01\n',
    };
    const out = applyImport(ws, { deals, history }, { skipInvalid: false });
    expect(out.warnings.map((w) => w.code)).toContain('history_completed');
    const rows = ws.sqlite
      .prepare(`select field, value, changed_at as t from deal_history order by changed_at, id`)
      .all() as { field: string; value: string; t: number }[];
    expect(rows.filter((r) => r.field === 'stage').map((r) => r.value)).toEqual([
      'need',
      'negotiation',
      'won',
    ]);
    expect(rows.at(-1)!.t).toBe(Date.parse('2026-03-05T00:00:00Z'));
    // Entered "won" when the history says so, so the table and the timeline agree.
    expect(ws.sqlite.prepare(`select stage_entered_at from deals`).pluck().get()).toBe(
      Date.parse('2026-03-05T00:00:00Z'),
    );
    // Consistent data passes through untouched.
    const again = applyImport(
      ws,
      { deals, history: { name: 'h.csv', text: exportCsv(ws, 'history').text } },
      { skipInvalid: false },
    );
    expect(again.warnings.map((w) => w.code)).not.toContain('history_completed');
  });

  it('refuses a stages.csv that drops a stage the stored history passes through, or that holds no stage', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, small(), { skipInvalid: false });
    // Every deal's current stage stays, but 0042's history passed through "solution".
    const stages = {
      name: 's.csv',
      text: 'key,name,order,kind,probability\nneed,Need,1,open,0.1\nproposal,P,3,open,0.4\nwon,Won,6,won,1\nlost,Lost,7,lost,0\n',
    };
    expect(() => applyImport(ws, { stages }, { skipInvalid: false })).toThrow(/passes through/);
    const empty = { name: 's.csv', text: 'key,name,order,kind,probability\n' };
    expect(() => applyImport(ws, { stages: empty }, { skipInvalid: true })).toThrow(/no open stage/);
    expect(ws.sqlite.prepare('select count(*) from stages').pluck().get()).toBe(7);
  });
});

describe('CSV export', () => {
  it('export → import into a new workspace → export gives identical files', async () => {
    const a = await tempWorkspace('a.db');
    applyImport(a, small(), { skipInvalid: false });
    a.sqlite.exec(
      `insert into mentor_assignments(deal_id, mentor, share_pct, created_at) values ('0042', '王芳', 20, 0)`,
    );
    a.sqlite.exec(`insert into quotas values ('2026Q4', '华东大客户部', '', 500000000)`);
    const kinds = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;
    const first = Object.fromEntries(kinds.map((k) => [k, exportCsv(a, k)]));
    const b = await tempWorkspace('b.db');
    applyImport(
      b,
      Object.fromEntries(
        kinds.map((k) => [k, { name: first[k]!.filename, text: first[k]!.text }]),
      ) as ImportFiles,
      { skipInvalid: false },
    );
    for (const k of kinds) expect(exportCsv(b, k).text).toBe(first[k]!.text);
    // The formula guard is visible in the file and reversed on import.
    expect(first.deals!.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(first.deals!.text.split('\n')[0]).toBe(
      '\ufeffid,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category,lost_reason,product,next_step,updated_at,last_activity_at,deleted_at',
    );
  });
});

describe('stages.csv follow-up cadence', () => {
  const header = 'key,name,order,kind,probability,dwell_limit_days';
  // The fixture's deals pass through these stages.
  const rows = [
    'need,Need,1,open,0.1,14',
    'solution,Solution,2,open,0.25,21',
    'proposal,Proposal,3,open,0.45,7',
    'negotiation,Negotiation,4,open,0.65,14',
    'won,Won,6,won,1,',
    'lost,Lost,7,lost,0,',
  ];
  const cadence = ['7', '7', '3', '2.5'];
  const withFollowup = (cells: string[]) =>
    [`${header},followup_days`, ...rows.map((r, i) => `${r},${cells[i] ?? ''}`)].join('\n');

  it('reads followup_days, and a file without the column has none (and no warning)', async () => {
    const ws = await tempWorkspace();
    const stages = { name: 's.csv', text: withFollowup(cadence) };
    const out = applyImport(ws, { ...small(), stages }, { skipInvalid: false });
    expect(out.warnings.filter((w) => w.file === 'stages')).toEqual([]);
    expect(exportCsv(ws, 'stages').text).toBe(`\ufeff${withFollowup(cadence)}\n`);
    const without = await tempWorkspace('b.db');
    const plain = { name: 's.csv', text: [header, ...rows].join('\n') };
    const again = applyImport(without, { ...small(), stages: plain }, { skipInvalid: false });
    expect(again.warnings.filter((w) => w.file === 'stages')).toEqual([]);
    expect(exportCsv(without, 'stages').text).toBe(`\ufeff${withFollowup([])}\n`);
  });

  it('refuses a follow-up cadence that is not a number ≥ 0, naming line and value', async () => {
    const ws = await tempWorkspace();
    const check = checkImport(ws, {
      ...small(),
      stages: { name: 's.csv', text: withFollowup(['-1', 'soon']) },
    });
    expect(check.errors.filter((e) => e.file === 'stages').map((e) => [e.line, e.message])).toEqual([
      [2, 'followup_days "-1" is not a number ≥ 0'],
      [3, 'followup_days "soon" is not a number ≥ 0'],
    ]);
  });
});

describe('deals kept in step by a CRM sync', () => {
  it('are refused by a CSV import (row by row), never taken over; local mentor tags still go in', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, small(), { skipInvalid: false });
    ws.sqlite.exec(
      `insert into crm_connections(kind, base_url, account_key, created_at) values('hubspot', 'https://api.hubapi.com', '42', 0)`,
    );
    ws.sqlite.exec(`update deals set source = 'sync', connection_id = 1 where id = '0042'`);
    const before = exportCsv(ws, 'deals').text;
    const files = {
      ...small(),
      mentors: { name: 'm.csv', text: 'deal_id,mentor,share_pct\n0042,王芳,20\n' },
    };
    const check = checkImport(ws, files);
    expect(check.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      [
        'deals',
        2,
        'deal "0042" is kept in step with hubspot by sync; change it in the CRM (a CSV import never overwrites a synced deal)',
      ],
      ...check.errors.filter((e) => e.file === 'history').map((e) => ['history', e.line, e.message]),
    ]);
    expect(check.errors.filter((e) => e.file === 'history').length).toBeGreaterThan(0);
    expect(() => applyImport(ws, files, { skipInvalid: false })).toThrow(WorkbenchError);
    expect(exportCsv(ws, 'deals').text).toBe(before);
    const out = applyImport(ws, files, { skipInvalid: true });
    expect(out.imported.deals).toBe(2);
    expect(
      exportCsv(ws, 'deals')
        .text.split('\n')
        .find((l) => l.startsWith('0042')),
    ).toBe(before.split('\n').find((l) => l.startsWith('0042')));
    expect(exportCsv(ws, 'mentors').text).toContain('0042,王芳,20');
  });
});
