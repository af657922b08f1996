import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '@backend/db/connection';
import type { Workspace } from '@backend/db/connection';
import type { DemoSummary } from '@shared/contract';
import { generateDemo } from '@backend/demo/generate';
import { DEMO_ARCHETYPES } from '@backend/demo/people';
import { readSetting } from '@backend/workspace/settings';
import { DEFAULT_STAGES, FORECAST_CATEGORIES } from '@shared/domain/stages';
import { WorkbenchError } from '@shared/result';
import { DAY_MS, dayOf, dayStart, quarterOf } from '@shared/time';
import { tempWorkspace } from '../../support/temp';

const TODAY = '2026-11-20';
const END_OF_TODAY = dayStart(TODAY) + DAY_MS;
const THREE_YEARS_BEFORE = dayStart('2023-11-20');
const DEALS = 2000;

interface HistoryRow {
  id: string;
  field: string;
  value: string;
  changed_at: number;
}

const dealsOf = (ws: Workspace) =>
  ws.sqlite.prepare('select * from deals order by id').all() as Record<string, unknown>[];
const historyOf = (ws: Workspace) =>
  ws.sqlite
    .prepare(
      `select d.id, h.field, h.value, h.changed_at, h.source from deal_history h join deals d on d.seq = h.deal_seq
       order by h.id`,
    )
    .all() as HistoryRow[];
const all = (ws: Workspace, sql: string) => ws.sqlite.prepare(sql).all();

/** Rows per deal, in timeline order (time, then insertion order). */
function historyByDeal(ws: Workspace): Map<string, HistoryRow[]> {
  const rows = ws.sqlite
    .prepare(
      `select d.id, h.field, h.value, h.changed_at from deal_history h join deals d on d.seq = h.deal_seq
       order by d.id, h.changed_at, h.id`,
    )
    .all() as HistoryRow[];
  const byDeal = new Map<string, HistoryRow[]>();
  for (const r of rows) {
    const list = byDeal.get(r.id);
    if (list) list.push(r);
    else byDeal.set(r.id, [r]);
  }
  return byDeal;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('generateDemo', () => {
  let ws: Workspace;
  let summary: DemoSummary;

  let dir: string;

  // One demo shared by the read-only checks below (tempWorkspace closes after each test).
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'funnel-demo-'));
    ws = await openWorkspace(join(dir, 'demo.db'), { create: true });
    summary = generateDemo(ws, { deals: DEALS, seed: 7, today: TODAY });
  });

  afterAll(async () => {
    await ws.close();
    ws.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports what it wrote', () => {
    const count = (table: string) => ws.sqlite.prepare(`select count(*) from ${table}`).pluck().get();
    expect(summary).toEqual({
      deals: DEALS,
      historyRows: count('deal_history'),
      teams: 5,
      reps: 40,
      today: TODAY,
      seed: 7,
    });
    expect(count('deals')).toBe(DEALS);
  });

  it('is deterministic for a seed, today and deal count, and differs between seeds', async () => {
    const again = await tempWorkspace('again.db');
    generateDemo(again, { deals: DEALS, seed: 7, today: TODAY });
    expect(dealsOf(again)).toEqual(dealsOf(ws));
    expect(historyOf(again)).toEqual(historyOf(ws));
    for (const table of [
      'quotas',
      'mentor_assignments',
      'owners',
      'teams',
      'accounts',
      'settings',
      'stages',
    ]) {
      expect(all(again, `select * from ${table} order by rowid`)).toEqual(
        all(ws, `select * from ${table} order by rowid`),
      );
    }

    const other = await tempWorkspace('other.db');
    generateDemo(other, { deals: DEALS, seed: 8, today: TODAY });
    const a = dealsOf(ws);
    const b = dealsOf(other);
    const same = a.filter((d, i) => d.name === b[i]!.name && d.amount_cents === b[i]!.amount_cents).length;
    expect(same).toBeLessThan(DEALS / 20);
  });

  it('keeps every deal and event within the three years before the end of today', () => {
    const span = ws.sqlite
      .prepare(
        `select min(created_at) minCreated, max(created_at) maxCreated, max(updated_at) maxUpdated,
           max(last_activity_at) maxActivity, max(deleted_at) maxDeleted,
           (select max(changed_at) from deal_history) maxChanged,
           (select max(created_at) from mentor_assignments) maxMentor,
           sum(updated_at < created_at) updatedBeforeCreated
         from deals`,
      )
      .get() as Record<string, number>;
    expect(span.minCreated).toBeGreaterThanOrEqual(THREE_YEARS_BEFORE);
    expect(span.minCreated).toBeLessThan(THREE_YEARS_BEFORE + 10 * DAY_MS);
    for (const key of ['maxCreated', 'maxUpdated', 'maxActivity', 'maxDeleted', 'maxChanged', 'maxMentor']) {
      expect(span[key], key).toBeLessThan(END_OF_TODAY);
    }
    expect(span.maxCreated).toBeGreaterThan(END_OF_TODAY - 7 * DAY_MS);
    expect(span.updatedBeforeCreated).toBe(0);
  });

  it('has five teams and about forty reps', () => {
    const teams = ws.sqlite.prepare('select name from teams').pluck().all() as string[];
    expect(teams.sort()).toEqual(
      ['华东大客户部', '华北行业部', '华南渠道部', '新业务拓展部', '西部区域部'].sort(),
    );
    expect(new Set(ws.sqlite.prepare('select team from deals').pluck().all()).size).toBe(5);
    const owners = ws.sqlite.prepare('select count(distinct owner) from deals').pluck().get() as number;
    expect(owners).toBeGreaterThanOrEqual(35);
    expect(owners).toBeLessThanOrEqual(45);
    const reps = all(ws, 'select name, email, team, active from owners') as {
      email: string | null;
      active: number;
    }[];
    expect(reps.length).toBe(40);
    expect(reps.every((r) => r.email?.includes('@'))).toBe(true);
    expect(reps.filter((r) => r.active === 0).length).toBeGreaterThan(0);
  });

  it('writes columns that equal the last history value of each field, and a first row per field at created_at', () => {
    const byDeal = historyByDeal(ws);
    const column: Record<string, (d: Record<string, unknown>) => string> = {
      stage: (d) => String(d.stage),
      amount: (d) => {
        const cents = d.amount_cents as number;
        return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(/0$/, '');
      },
      close_date: (d) => String(d.close_date),
      forecast_category: (d) => String(d.forecast_category),
      owner: (d) => String(d.owner),
    };
    for (const deal of dealsOf(ws)) {
      const rows = byDeal.get(deal.id as string)!;
      for (const field of Object.keys(column)) {
        const ofField = rows.filter((r) => r.field === field);
        expect(ofField[0]?.changed_at, `${deal.id} ${field}`).toBe(deal.created_at);
        expect(ofField.at(-1)!.value, `${deal.id} ${field}`).toBe(column[field]!(deal));
      }
      expect(deal.updated_at).toBeGreaterThanOrEqual(rows.at(-1)!.changed_at);
    }
  });

  it('uses the default stage model and valid values everywhere', () => {
    const keys = ws.sqlite.prepare('select key from stages order by sort_order').pluck().all();
    expect(keys).toEqual(DEFAULT_STAGES.map((s) => s.key));
    const stageValues = ws.sqlite
      .prepare(
        `select distinct value from deal_history where field = 'stage' union select distinct stage from deals`,
      )
      .pluck()
      .all() as string[];
    for (const v of stageValues) expect(keys).toContain(v);
    // Every stage has open deals at today, so each column of the pipeline has something to show.
    const openStages = ws.sqlite
      .prepare(`select distinct stage from deals where stage not in ('won', 'lost')`)
      .pluck()
      .all() as string[];
    expect(openStages.sort()).toEqual(['contract', 'need', 'negotiation', 'proposal', 'solution'].sort());
    const categories = ws.sqlite
      .prepare(
        `select distinct value from deal_history where field = 'forecast_category' union select distinct forecast_category from deals`,
      )
      .pluck()
      .all() as string[];
    for (const c of categories) expect(FORECAST_CATEGORIES).toContain(c);
    expect(
      all(ws, `select id from deals where (stage in ('won','lost')) <> (forecast_category = 'closed')`),
    ).toEqual([]);
    expect(
      all(ws, `select id from deals where currency <> 'CNY' or amount_cents <= 0 or close_date is null`),
    ).toEqual([]);
  });

  it('closes won and lost deals on the day they closed, and gives lost deals a reason', () => {
    const byDeal = historyByDeal(ws);
    const closed = all(
      ws,
      `select id, stage, close_date, lost_reason from deals where stage in ('won', 'lost')`,
    ) as {
      id: string;
      stage: string;
      close_date: string;
      lost_reason: string;
    }[];
    for (const d of closed) {
      const last = byDeal
        .get(d.id)!
        .filter((r) => r.field === 'stage')
        .at(-1)!;
      expect(d.close_date).toBe(dayOf(last.changed_at));
      if (d.stage === 'lost') expect(d.lost_reason).not.toBe('');
      else expect(d.lost_reason).toBe('');
    }
    const reasons = ws.sqlite
      .prepare(`select distinct lost_reason from deals where stage = 'lost'`)
      .pluck()
      .all();
    expect(reasons).toEqual(
      expect.arrayContaining(['价格过高', '竞品优势', '需求取消', '预算冻结', '决策延期', '关系不足']),
    );
    expect(all(ws, `select id from deals where stage <> 'lost' and lost_reason <> ''`)).toEqual([]);
  });

  it('looks like a real book: win rate, open and overdue deals, deletions, reopens, slips', () => {
    const s = ws.sqlite
      .prepare(
        `select sum(stage = 'won') won, sum(stage = 'lost') lost, sum(stage not in ('won','lost')) open,
           sum(stage not in ('won','lost') and close_date < ?) overdue, sum(deleted_at is not null) deleted,
           sum(last_activity_at is not null) active, count(distinct account) accounts, max(amount_cents) maxCents
         from deals`,
      )
      .get(TODAY) as Record<string, number>;
    const winRate = s.won! / (s.won! + s.lost!);
    expect(winRate).toBeGreaterThan(0.2);
    expect(winRate).toBeLessThan(0.3);
    expect(s.open).toBeGreaterThan(DEALS * 0.03);
    expect(s.overdue).toBeGreaterThan(0);
    expect(s.deleted).toBeGreaterThan(0);
    expect(s.deleted).toBeLessThan(DEALS * 0.005);
    expect(s.active).toBeGreaterThan(DEALS * 0.85);
    expect(s.accounts).toBeGreaterThan(200);
    expect(s.maxCents).toBeGreaterThanOrEqual(200_000_000); // a lighthouse deal in the millions
    const byDeal = historyByDeal(ws);
    let reopened = 0;
    let regressed = 0;
    let slipped = 0;
    const order = new Map(DEFAULT_STAGES.map((st) => [st.key, st.order]));
    for (const rows of byDeal.values()) {
      const stages = rows.filter((r) => r.field === 'stage').map((r) => r.value);
      for (let i = 1; i < stages.length; i++) {
        if (stages[i - 1] === 'lost') reopened++;
        else if (order.get(stages[i]!)! < order.get(stages[i - 1]!)!) regressed++;
      }
      const closes = rows.filter((r) => r.field === 'close_date').map((r) => r.value);
      if (closes.some((c, i) => i > 0 && c > closes[i - 1]!)) slipped++;
    }
    expect(reopened).toBeGreaterThan(0);
    expect(regressed).toBeGreaterThan(0);
    expect(slipped).toBeGreaterThan(DEALS * 0.1);
  });

  it('shows the proposal staller: a much longer median time in 报价比选 than the team', () => {
    const byDeal = historyByDeal(ws);
    const owners = new Map(
      (all(ws, 'select id, owner, team from deals') as { id: string; owner: string; team: string }[]).map(
        (d) => [d.id, d],
      ),
    );
    const staller = DEMO_ARCHETYPES.proposalStaller;
    const team = (all(ws, `select team from owners where name = '${staller}'`) as { team: string }[])[0]!
      .team;
    const mine: number[] = [];
    const teams: number[] = [];
    for (const [id, rows] of byDeal) {
      const stageRows = rows.filter((r) => r.field === 'stage');
      for (let i = 0; i + 1 < stageRows.length; i++) {
        if (stageRows[i]!.value !== 'proposal') continue;
        const days = (stageRows[i + 1]!.changed_at - stageRows[i]!.changed_at) / DAY_MS;
        const deal = owners.get(id)!;
        if (deal.owner === staller) mine.push(days);
        else if (deal.team === team) teams.push(days);
      }
    }
    expect(mine.length).toBeGreaterThan(10);
    expect(median(mine)).toBeGreaterThan(3 * median(teams));
  });

  it('writes quotas for every quarter from the first to the one after today, mentors and settings', () => {
    const orgQuarters = ws.sqlite
      .prepare(`select quarter from quotas where team = '' and owner = '' order by quarter`)
      .pluck()
      .all() as string[];
    expect(orgQuarters[0]).toBe(quarterOf('2023-11-20'));
    expect(orgQuarters).toContain(quarterOf(TODAY));
    expect(orgQuarters.at(-1)).toBe('2027Q1');
    expect(orgQuarters.length).toBe(14);
    const current = all(ws, `select team, owner, amount_cents from quotas where quarter = '2026Q4'`) as {
      team: string;
      owner: string;
      amount_cents: number;
    }[];
    expect(current.filter((q) => q.owner === '' && q.team !== '').length).toBe(5);
    expect(current.filter((q) => q.owner !== '').length).toBeGreaterThanOrEqual(35);
    expect(current.every((q) => q.amount_cents > 0 && q.amount_cents % 100_000 === 0)).toBe(true);

    const mentors = all(
      ws,
      `select m.share_pct, m.created_at, d.created_at dealCreated from mentor_assignments m
      join deals d on d.id = m.deal_id`,
    ) as { share_pct: number; created_at: number; dealCreated: number }[];
    expect(mentors.length).toBeGreaterThan(0);
    expect(mentors.every((m) => [10, 20, 30].includes(m.share_pct) && m.created_at >= m.dealCreated)).toBe(
      true,
    );

    expect(readSetting(ws, 'workspace.isDemo', false)).toBe(true);
    expect(readSetting(ws, 'workspace.currency', '')).toBe('CNY');
    expect(readSetting(ws, 'workspace.demo', null)).toEqual({ seed: 7, today: TODAY, deals: DEALS });
    expect(readSetting(ws, 'workspace.clock', null)).toBe(END_OF_TODAY - 1);
  });

  it('leaves the connection as it found it: indexes rebuilt, foreign keys on', async () => {
    const fresh = await tempWorkspace('fresh.db');
    const indexes = (w: Workspace) =>
      all(w, `select name, sql from sqlite_master where type = 'index' order by name`);
    expect(indexes(ws)).toEqual(indexes(fresh));
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a workspace that already has deals, and changes nothing', () => {
    const before = ws.sqlite.prepare('select count(*) from deal_history').pluck().get();
    let error: unknown;
    try {
      generateDemo(ws, { deals: 10, seed: 1, today: TODAY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('conflict');
    expect((error as WorkbenchError).message).toContain(`${DEALS} deals`);
    expect(ws.sqlite.prepare('select count(*) from deal_history').pluck().get()).toBe(before);
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('generateDemo options', () => {
  it('without --today ends the story yesterday, nothing in the future, and leaves the clock running', async () => {
    const ws = await tempWorkspace();
    const started = Date.now();
    const summary = generateDemo(ws, { deals: 50 });
    expect(summary.today).toBe(dayOf(started - 86_400_000));
    const latest = ws.sqlite.prepare('select max(changed_at) from deal_history').pluck().get() as number;
    expect(latest).toBeLessThan(started);
    expect(summary.seed).toBe(1);
    expect(readSetting(ws, 'workspace.clock', 'unset')).toBeNull();
  });

  it('rejects bad options before writing anything', async () => {
    const ws = await tempWorkspace();
    for (const options of [
      { deals: 0 },
      { deals: 1.5 },
      { seed: 0.5 },
      { today: '2026-02-30' },
      { today: '20261120' },
      { today: '1972-12-31' },
    ]) {
      expect(() => generateDemo(ws, options)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    expect(ws.sqlite.prepare('select count(*) from stages').pluck().get()).toBe(0);
  });
});
