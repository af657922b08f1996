import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  CohortsReport,
  FunnelReport,
  VelocityReport,
  AttentionReport,
  ChangesReport,
} from '@shared/contract';
import { DEFAULT_STAGES, type Stage } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';
import type { RefDeal } from './reference';
import { call, workspaceOf } from './support';

/**
 * The invariants PRODUCT.md states, as properties over random workspaces on the default
 * stage model: reached never increases along the funnel, a cohort's won share never
 * decreases, and a report at as-of t ignores everything stamped at or after t (deals
 * created, rows written, deletions).
 */
const T0 = Date.parse('2026-01-01T00:00:00Z');
const stages: Stage[] = DEFAULT_STAGES.map((s) => ({ ...s }));
const KEYS = stages.map((s) => s.key);
const instant = fc.integer({ min: 0, max: 120 }).map((i) => T0 + i * (DAY_MS / 2));

const row = fc.oneof(
  fc.record({ field: fc.constant('stage'), value: fc.constantFrom(...KEYS), changedAt: instant }),
  fc.record({
    field: fc.constant('amount'),
    value: fc.integer({ min: 0, max: 900_000 }).map(String),
    changedAt: instant,
  }),
  fc.record({
    field: fc.constant('close_date'),
    value: fc.integer({ min: 0, max: 90 }).map((d) => new Date(T0 + d * DAY_MS).toISOString().slice(0, 10)),
    changedAt: instant,
  }),
);

const dealArb = (id: string) =>
  fc
    .record({
      createdAt: instant,
      stage: fc.constantFrom(...KEYS),
      history: fc.array(row, { maxLength: 7 }),
      deletedAt: fc.option(instant, { nil: null, freq: 5 }),
      lastActivityAt: fc.option(instant, { nil: null }),
    })
    .map((r): RefDeal => ({
      id,
      createdAt: r.createdAt,
      stage: r.stage,
      amountCents: 1000,
      closeDate: null,
      forecastCategory: 'pipeline',
      owner: 'Ann',
      team: 'East',
      nextStep: 'x',
      lastActivityAt: r.lastActivityAt,
      deletedAt: r.deletedAt,
      history: r.history,
    }));

const deals = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dealArb(`D${i}`))));

describe('analytics invariants', () => {
  it('reached never increases along the funnel; won shares never decrease along a cohort', async () => {
    await fc.assert(
      fc.asyncProperty(deals, instant, fc.option(instant, { nil: undefined }), async (ds, asOf, from) => {
        const { registry } = await workspaceOf(stages, ds);
        const q = from === undefined ? { asOf } : { asOf, from };
        const funnel = await call<FunnelReport>(registry, 'report.funnel', q);
        funnel.stages.forEach((s, i) => {
          if (i > 0) expect(s.reached).toBeLessThanOrEqual(funnel.stages[i - 1]!.reached);
          if (i > 0) expect(s.reachedAmount).toBeLessThanOrEqual(funnel.stages[i - 1]!.reachedAmount);
        });
        const cohorts = await call<CohortsReport>(registry, 'report.cohorts', q);
        for (const c of cohorts.cohorts)
          c.wonShare.forEach((share, k) => {
            if (k > 0) expect(share).toBeGreaterThanOrEqual(c.wonShare[k - 1]!);
          });
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('a report at as-of t ignores every row, deal and deletion stamped at or after t', async () => {
    await fc.assert(
      fc.asyncProperty(
        deals,
        instant,
        fc.array(row, { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 0, max: 40 })), { maxLength: 4 }),
        async (ds, asOf, extraRows, deletions) => {
          // The same workspace, plus what happens from as-of on: later rows on existing
          // deals, a new deal created at or after as-of, deletions at or after as-of.
          // PRODUCT.md back-dates a field's earliest row to creation, so a later row may only
          // join a field that already has rows, after all of them (it never becomes the earliest).
          const future: RefDeal[] = ds.map((d, i) => {
            const last = Math.max(asOf, ...d.history.map((h) => h.changedAt));
            const mine = extraRows
              .filter((_, j) => j % ds.length === i)
              .filter((r) => d.history.some((h) => h.field === r.field))
              .map((r, k) => ({ ...r, changedAt: last + k * DAY_MS + (r.changedAt - T0) }));
            const deletion = deletions.find(([k]) => k % ds.length === i);
            return {
              ...d,
              history: [...d.history, ...mine],
              deletedAt: d.deletedAt ?? (deletion ? asOf + deletion[1] * DAY_MS : null),
            };
          });
          future.push({ ...ds[0]!, id: 'LATER', createdAt: asOf, history: [] });
          const a = await workspaceOf(stages, ds);
          const b = await workspaceOf(stages, future);
          const strip = (r: object) =>
            JSON.parse(JSON.stringify(r, (k, v) => (k === 'snapshotVersion' ? undefined : v)));
          for (const channel of ['report.funnel', 'report.velocity', 'report.cohorts', 'report.attention']) {
            const x = strip(
              await call<FunnelReport | VelocityReport | CohortsReport | AttentionReport>(
                a.registry,
                channel,
                { asOf },
              ),
            );
            const y = strip(
              await call<FunnelReport | VelocityReport | CohortsReport | AttentionReport>(
                b.registry,
                channel,
                { asOf },
              ),
            );
            expect(y, channel).toEqual(x);
          }
          const window = { asOf, from: T0, to: asOf };
          const x = strip(await call<ChangesReport>(a.registry, 'report.changes', window));
          const y = strip(await call<ChangesReport>(b.registry, 'report.changes', window));
          expect(y).toEqual(x);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
