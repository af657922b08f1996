import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { DAY_MS, dayOf } from '@shared/time';
import { buildSnapshot } from '@backend/analytics/load';
import type { Snapshot } from '@backend/analytics/snapshot';
import { stageView } from '@backend/analytics/stage-view';
import { generateDemo } from '@backend/demo/generate';
import { Rng } from '@backend/demo/random';
import { encode, factsAt, featureNames, ownerRecordAt } from '@backend/forecast/win-model/features';
import { buildExamples, wonWithin } from '@backend/forecast/win-model/examples';
import { rowReads } from '@backend/forecast/win-model/past';
import { sideFacts, sideFactsOf } from '@backend/forecast/win-model/side-facts';
import { modelAt, Predictor } from '@backend/forecast/win-model/model';
import { workspaceNow } from '@backend/workspace/settings';
import type { RefDeal } from '../analytics/reference';
import { workspaceOf } from '../analytics/support';
import { tempWorkspace } from '../../support/temp';

/**
 * The model's rule: a feature at a training instant t reads only what was on record before
 * t. Two ways to catch a break: the same workspace with everything from t on rewritten
 * (later stage moves, wins and losses, amounts, close dates, owners, deletions, activity,
 * mentor tags, plans, contacts) must give the same features at t; and every history row a
 * feature reads is reported to a watch, which must never see a row stamped at or after t.
 */
const T0 = Date.parse('2025-01-01T00:00:00Z');
const T = T0 + 120 * DAY_MS;
const OPEN_KEYS = ['need', 'solution', 'proposal', 'negotiation', 'contract'];
const OWNERS = ['王伟', 'Ann Lee', 'Bob', '李娜'];

/** Random deals around T; `rewrite` changes everything stamped at or after T. */
function deals(seed: number, rewrite: boolean): RefDeal[] {
  const rng = new Rng(seed);
  const later = new Rng(seed + 1000);
  const out: RefDeal[] = [];
  for (let i = 0; i < 80; i++) {
    const createdAt = T0 + Math.floor(rng.next() * 150) * DAY_MS + Math.floor(rng.next() * DAY_MS);
    const history: RefDeal['history'] = [];
    const row = (field: string, value: string, changedAt: number) => {
      if (changedAt >= T && rewrite) {
        // A different value for every later row; the row's time stays.
        const other =
          field === 'stage'
            ? later.pick(['won', 'lost', ...OPEN_KEYS])
            : field === 'amount'
              ? String(1000 + Math.floor(later.next() * 90000))
              : field === 'close_date'
                ? dayOf(changedAt + Math.floor(later.next() * 200) * DAY_MS)
                : later.pick(OWNERS);
        history.push({ field: field as 'stage', value: other, changedAt });
      } else history.push({ field: field as 'stage', value, changedAt });
    };
    // Some deals record a field's first value only later (no row before T for it).
    const late = rng.next() < 0.15 ? T + 3 * DAY_MS : createdAt;
    row('amount', String(5000 + Math.floor(rng.next() * 50000)), late);
    row('close_date', dayOf(createdAt + 60 * DAY_MS), createdAt);
    row('owner', rng.pick(OWNERS), createdAt);
    let at = createdAt;
    let rank = 0;
    row('stage', 'need', createdAt);
    for (let step = 0; step < 6; step++) {
      at += Math.floor(rng.next() * 40 * DAY_MS) + 1;
      const r = rng.next();
      if (r < 0.15) {
        row('stage', rng.next() < 0.5 ? 'won' : 'lost', at);
        break;
      }
      rank = Math.min(4, Math.max(0, rank + (r < 0.8 ? 1 : -1)));
      row('stage', OPEN_KEYS[rank]!, at);
      if (rng.next() < 0.4) row('close_date', dayOf(at + Math.floor(rng.next() * 90) * DAY_MS), at);
      if (rng.next() < 0.2) row('amount', String(5000 + Math.floor(rng.next() * 50000)), at);
      if (rng.next() < 0.1) row('owner', rng.pick(OWNERS), at);
    }
    // Rows appended after T only in the rewritten history.
    if (rewrite) {
      row('stage', later.pick(['won', 'lost']), T + (1 + i) * 3_600_000);
      row('close_date', dayOf(T + 90 * DAY_MS), T + 2 * DAY_MS);
      row('owner', 'Someone New', T + DAY_MS);
    }
    const last = (field: string) => history.filter((h) => h.field === field).at(-1)?.value ?? '';
    out.push({
      id: `D${String(i).padStart(3, '0')}`,
      createdAt,
      stage: last('stage'),
      amountCents: Number(last('amount')) * 100,
      closeDate: last('close_date'),
      forecastCategory: 'pipeline',
      owner: last('owner'),
      team: 'East',
      nextStep: rewrite ? '' : 'Call',
      lastActivityAt: rewrite ? T + 5 * DAY_MS : createdAt + DAY_MS,
      deletedAt: rewrite && i % 7 === 0 ? T + 10 * DAY_MS : null,
      history,
    });
  }
  return out;
}

/** Mentor tags, approved plans and contacts: the same before T, more after T in the rewrite. */
function sideRows(s: Snapshot, rewrite: boolean) {
  const ids = s.deals.id;
  const before = (i: number) => T0 + (i % 100) * DAY_MS;
  const rows = {
    mentors: ids
      .filter((_, i) => i % 5 === 0)
      .map((dealId, i) => ({ dealId, at: before(i), mentor: '陈志强' })),
    approved: ids.filter((_, i) => i % 6 === 0).map((dealId, i) => ({ dealId, at: before(i) })),
    contacts: ids.filter((_, i) => i % 3 === 0).map((dealId, i) => ({ dealId, at: before(i) })),
  };
  if (rewrite) {
    for (const dealId of ids) {
      rows.mentors.push({ dealId, at: T, mentor: 'Later Mentor' });
      rows.approved.push({ dealId, at: T + DAY_MS });
      rows.contacts.push({ dealId, at: T });
    }
  }
  return sideFactsOf(s, rows);
}

/** Every deal's facts and row at T, with owners by name (codes differ between workspaces). */
function featuresAtT(s: Snapshot, rewrite: boolean) {
  const view = stageView(s);
  const side = sideRows(s, rewrite);
  const owners = ownerRecordAt(s, view, T);
  const byName = Object.fromEntries(
    s.dictionaries.owner.values.map((name, code) => [name, [owners.closed[code], owners.won[code]]]),
  );
  const width = featureNames(view).length;
  const out = new Map<string, unknown>();
  for (let d = 0; d < s.deals.count; d++) {
    const facts = factsAt(s, view, side, owners, d, T);
    if (!facts) {
      out.set(s.deals.id[d]!, null);
      continue;
    }
    const row = new Float64Array(width);
    encode(facts, view.open.length, row, 0);
    const { owner, stageCode, ...rest } = facts;
    out.set(s.deals.id[d]!, {
      ...rest,
      owner: owner >= 0 ? s.dictionaries.owner.values[owner] : null,
      stage: s.dictionaries.stage.values[stageCode],
      row: [...row],
    });
  }
  const records = Object.entries(byName)
    .filter(([name]) => name !== 'Someone New')
    .sort(([x], [y]) => (x < y ? -1 : 1));
  return { out, byName: records, orgRate: owners.orgRate };
}

describe('the win model reads nothing at or after its instant', () => {
  it.each([1, 2, 3])('gives the same features at t whatever happens from t on (seed %i)', async (seed) => {
    const a = await workspaceOf([...DEFAULT_STAGES], deals(seed, false));
    const b = await workspaceOf([...DEFAULT_STAGES], deals(seed, true));
    const sa = buildSnapshot(a.ws, 1);
    const sb = buildSnapshot(b.ws, 1);
    const fa = featuresAtT(sa, false);
    const fb = featuresAtT(sb, true);
    expect([...fb.out.keys()]).toEqual([...fa.out.keys()]);
    for (const [id, facts] of fa.out) expect(fb.out.get(id), id).toEqual(facts);
    expect(fb.byName).toEqual(fa.byName);
    expect(fb.orgRate).toBe(fa.orgRate);

    // The rewrite did change what happened after t: outcomes, so labels, differ.
    const open = [...fa.out.values()].filter((f) => f !== null).length;
    expect(open).toBeGreaterThan(10);
    const va = stageView(sa);
    const vb = stageView(sb);
    let differ = 0;
    for (let d = 0; d < sa.deals.count; d++)
      if (wonWithin(sa, va, d, T, T + 365 * DAY_MS) !== wonWithin(sb, vb, d, T, T + 365 * DAY_MS)) differ++;
    expect(differ).toBeGreaterThan(5);
  });

  it('never reads a row stamped at or after the instant, on the demo history (training and scoring)', async () => {
    const ws = await tempWorkspace('demo.db');
    generateDemo(ws, { deals: 3000, seed: 5, today: '2026-06-30' });
    const s = buildSnapshot(ws, 1);
    let reads = 0;
    const late: string[] = [];
    rowReads.watch = (rowAt, t) => {
      reads++;
      if (rowAt >= t && late.length < 5)
        late.push(`${new Date(rowAt).toISOString()} ≥ ${new Date(t).toISOString()}`);
    };
    try {
      const now = workspaceNow(ws);
      const set = buildExamples(s, sideFacts(ws, s), now);
      expect(set.rows).toBeGreaterThan(1000);
      const model = modelAt(ws, s, now, now)!;
      const predictor = new Predictor(ws, s, model, now);
      let scored = 0;
      for (let d = 0; d < s.deals.count; d++) if (predictor.predict(d)) scored++;
      expect(scored).toBeGreaterThan(20);
    } finally {
      rowReads.watch = null;
    }
    expect(reads).toBeGreaterThan(100_000);
    expect(late).toEqual([]);
  }, 60_000);
});
