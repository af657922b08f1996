import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, checkImport } from '@backend/imports/import';
import { runImport } from '@backend/imports/job';
import { previewDeals } from '@backend/imports/preview';
import { deletePreset, listPresets, savePreset } from '@backend/imports/presets';
import { writeSetting } from '@backend/workspace/settings';
import type { Workspace } from '@backend/db/connection';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import {
  suggestColumns,
  suggestStage,
  type DealMapping,
  type MappableColumn,
} from '@shared/imports/column-mapping';
import { tempWorkspace } from '../../support/temp';
import { buildXlsx, xlsxFile } from '../../support/xlsx';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/crm', name));
const asBytes = (name: string) => ({ name, data: fixture(name).toString('base64') });
const asText = (name: string) => ({ name, text: fixture(name).toString('utf8') });

/** The mapping the dialog suggests for a file: columns by header, stages by name. */
function suggested(header: string[], values: (string[] | null)[]): DealMapping {
  const columns: DealMapping['columns'] = {};
  suggestColumns(header).forEach((c, i) => {
    if (c) columns[c] = i;
  });
  const stages: Record<string, string> = {};
  for (const v of values[columns.stage!] ?? []) {
    const key = suggestStage(v, DEFAULT_STAGES);
    if (key) stages[v] = key;
  }
  return { columns, stages, dateOrder: 'mdy' };
}
const deal = (ws: Workspace, id: string) =>
  ws.sqlite
    .prepare(
      'select name, account, owner, team, amount_cents, stage, created_at, close_date from deals where id = ?',
    )
    .get(id) as Record<string, unknown>;

describe('a CRM export through the column mapping', () => {
  it('a GBK Chinese export: encoding, columns, stages, amounts and dates; the totals row left out', async () => {
    const ws = await tempWorkspace();
    const file = asBytes('chinese-crm-gbk.csv');
    const preview = previewDeals(file);
    expect(preview.canonical).toBe(false);
    expect(preview.header[0]).toBe('商机名称');
    expect(preview.records).toBe(5);
    expect(preview.warnings.map((w) => w.code)).toEqual(['encoding_gb18030']);
    expect(preview.values[3]).toEqual(['需求确认', '方案交流', '报价', '赢单']);

    const mapping = suggested(preview.header, preview.values);
    expect(mapping.stages).toEqual({ 需求确认: 'need', 方案交流: 'solution', 报价: 'proposal', 赢单: 'won' });
    const out = applyImport(ws, { deals: file }, { skipInvalid: false, mapping });
    expect(out.imported.deals).toBe(4);
    expect(out.warnings.find((w) => w.code === 'totals_row')).toMatchObject({ line: 6 });
    expect(deal(ws, 'CN-0001')).toEqual({
      name: '云平台二期',
      account: '华信科技',
      owner: '张三',
      team: '华东一组',
      amount_cents: 123_450,
      stage: 'need',
      created_at: Date.parse('2026-01-05T09:30:00Z'),
      close_date: '2026-03-04',
    });
    expect(deal(ws, 'CN-0003')).toMatchObject({ stage: 'proposal', amount_cents: 880_000 });
  });

  it('a Salesforce report: month-first dates by default, the stage values the person mapped', async () => {
    const ws = await tempWorkspace();
    const file = asText('salesforce-opportunities.csv');
    const preview = previewDeals(file);
    const mapping = suggested(preview.header, preview.values);
    expect(mapping.stages).toEqual({ 'Negotiation/Review': 'negotiation', 'Closed Won': 'won' });
    // Unmapped stage values are the check's errors, by line, like an unknown key in deals.csv.
    const check = checkImport(ws, { deals: file }, mapping);
    expect(check.errors.map((e) => [e.line, e.code])).toEqual([[2, 'stage_unknown']]);
    mapping.stages = { ...mapping.stages, Qualification: 'need' };
    applyImport(ws, { deals: file }, { skipInvalid: false, mapping });
    expect(deal(ws, '006A000000aaaa1')).toMatchObject({
      amount_cents: 1_250_000,
      stage: 'need',
      close_date: '2026-03-04',
      created_at: Date.UTC(2026, 0, 15),
    });
    // The same file read day first: 1/15/2026, 4/30/2026 and 2/27/2026 are no dates at all.
    const dayFirst = checkImport(ws, { deals: file }, { ...mapping, dateOrder: 'dmy' });
    expect(dayFirst.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'timestamp_invalid'],
      [3, 'day_invalid'],
      [4, 'day_invalid'],
    ]);
  });

  it('without a created_at column, a new deal is created at the import time and a stored one keeps its own', async () => {
    const ws = await tempWorkspace();
    writeSetting(ws, 'workspace.clock', Date.parse('2026-03-10T08:00:00Z'));
    const file = asText('hubspot-deals.csv');
    const preview = previewDeals(file);
    const mapping = suggested(preview.header, preview.values);
    delete mapping.columns.created_at;
    mapping.stages = { 'Appointment Scheduled': 'need', 'Contract Sent': 'contract', 'Closed Lost': 'lost' };
    applyImport(ws, { deals: file }, { skipInvalid: false, mapping });
    expect(deal(ws, '9001')).toMatchObject({
      created_at: Date.parse('2026-03-10T08:00:00Z'),
      close_date: '2026-03-04',
    });

    writeSetting(ws, 'workspace.clock', Date.parse('2026-04-01T00:00:00Z'));
    applyImport(ws, { deals: file }, { skipInvalid: false, mapping });
    expect(deal(ws, '9001')).toMatchObject({ created_at: Date.parse('2026-03-10T08:00:00Z') });
  });

  it('maps a workbook too, by sheet row', async () => {
    const ws = await tempWorkspace();
    const book = buildXlsx([
      {
        name: 'Report',
        rows: [
          ['商机编号', '商机名称', '阶段', '金额', '创建时间'],
          [
            '0042',
            '云平台',
            '报价',
            { number: 1234.5, format: '"¥"#,##0.00' },
            { number: 46085, format: 'yyyy/m/d' },
          ],
          { row: 4, cells: ['0043', '安全', '未知阶段', 10, { number: 46085, format: 'yyyy/m/d' }] },
        ],
      },
    ]);
    const file = xlsxFile('导出.xlsx', book);
    const preview = previewDeals(file);
    const mapping = suggested(preview.header, preview.values);
    const check = checkImport(ws, { deals: file }, mapping);
    expect(check.errors.map((e) => [e.sheet, e.line, e.code])).toEqual([['Report', 4, 'stage_unknown']]);
    const out = applyImport(ws, { deals: file }, { skipInvalid: true, mapping });
    expect(out.imported.deals).toBe(1);
    expect(deal(ws, '0042')).toMatchObject({
      stage: 'proposal',
      amount_cents: 123_450,
      created_at: Date.UTC(2026, 2, 4),
    });
  });

  it('previews a canonical file as canonical', () => {
    const canonical = previewDeals({ name: 'deals.csv', text: 'id,stage,created_at\nX,need,2026-01-01\n' });
    expect(canonical.canonical).toBe(true);
    expect(canonical.rows).toEqual([['X', 'need', '2026-01-01']]);
    const broken = previewDeals({ name: 'x.xlsx', data: Buffer.from('nope').toString('base64') });
    expect(broken.errors.map((e) => e.code)).toEqual(['xlsx_unreadable']);
  });
});

describe('mapping presets', () => {
  it('are saved in the workspace by name, replaced by name, and deleted', async () => {
    const ws = await tempWorkspace();
    const columns: Partial<Record<MappableColumn, string>> = { id: 'Record ID', stage: 'Deal Stage' };
    expect(listPresets(ws)).toEqual([]);
    savePreset(ws, { name: 'HubSpot', columns, stages: { 'Closed Lost': 'lost' }, dateOrder: 'mdy' });
    savePreset(ws, { name: 'CRM 中文', columns: { id: '商机编号' }, stages: {}, dateOrder: 'mdy' });
    const again = savePreset(ws, { name: 'HubSpot', columns, stages: {}, dateOrder: 'dmy' });
    expect(again.map((p) => [p.name, p.dateOrder])).toEqual([
      ['CRM 中文', 'mdy'],
      ['HubSpot', 'dmy'],
    ]);
    expect(deletePreset(ws, 'HubSpot').map((p) => p.name)).toEqual(['CRM 中文']);
  });
});

describe('a mapped workbook on the import worker thread', () => {
  it('is read, mapped and written there like on the calling thread', async () => {
    const ws = await tempWorkspace();
    const book = buildXlsx([
      {
        name: 'Export',
        rows: [
          ['Record ID', 'Deal Stage', 'Amount', 'Create Date'],
          ['9001', 'Closed Won', 1500, { number: 46085, format: 'yyyy-mm-dd hh:mm' }],
        ],
      },
    ]);
    const out = await runImport(
      ws,
      { deals: xlsxFile('hubspot.xlsx', book) },
      {
        skipInvalid: false,
        inlineBelow: 0,
        mapping: {
          columns: { id: 0, stage: 1, amount: 2, created_at: 3 },
          stages: { 'Closed Won': 'won' },
          dateOrder: 'mdy',
        },
      },
    );
    expect(out.imported.deals).toBe(1);
    expect(deal(ws, '9001')).toMatchObject({
      stage: 'won',
      amount_cents: 150_000,
      created_at: Date.UTC(2026, 2, 4),
    });
  });
});
