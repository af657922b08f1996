import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AttentionReport,
  ChangesReport,
  CohortsReport,
  ForecastReport,
  FunnelReport,
  MentorsReport,
  PipelineReport,
  RepsReport,
  VelocityReport,
} from '@shared/contract';
import {
  refAttention,
  refChanges,
  refCohorts,
  refFunnel,
  refMentors,
  refVelocity,
  type RefTag,
  refForecast,
  type RefQuota,
} from './reference';
import { replaceMentorTags } from '@backend/mentors/tags';
import { upsertQuotas } from '@backend/forecast/quotas';
import { buildSnapshot } from '@backend/analytics/load';
import { EVERY, exitIndex } from '@backend/analytics/exit-index';
import { call, workspaceOf } from './support';
import { DAY_MS } from '@shared/time';
import type { Stage } from '@shared/domain/stages';
import type { RefDeal } from './reference';
import {
  close,
  dataset,
  dealArb,
  defined,
  instant,
  instantOf,
  KEYS,
  OWNERS,
  queryOf,
  stageModel,
  T0,
  withQueries,
} from './arbitraries';

/**
 * The engine (typed arrays, one pass) against the plain reference (rows, the rule
 * functions) on random workspaces: a stage model whose orders do not sort as text and
 * whose won/lost stages sit anywhere, histories with ties, skipped stages, reopenings,
 * rows before creation and after as-of, cleared close dates, deletions, and filters.
 * Run in a time zone that is not UTC: nothing may read the machine's local time.
 */
process.env.TZ = 'America/New_York';

const RUNS = 150;

describe('the analytics engine agrees with the reference implementation of PRODUCT.md', () => {
  it('funnel, velocity, cohorts and attention, for any as-of, window and filter', async () => {
    await fc.assert(
      fc.asyncProperty(withQueries, async ([stages, deals, queries]) => {
        const { registry } = await workspaceOf(stages, deals);
        for (const raw of queries) {
          const q = defined(raw);
          const funnel = await call<FunnelReport>(registry, 'report.funnel', q);
          close(
            {
              stages: funnel.stages,
              deals: funnel.deals,
              open: funnel.open,
              won: funnel.won,
              lost: funnel.lost,
              winRate: funnel.winRate,
            },
            refFunnel(stages, deals, q),
          );
          const velocity = await call<VelocityReport>(registry, 'report.velocity', {
            ...q,
            distribution: true,
          });
          close(
            {
              stages: velocity.stages.map(({ dwellLimitDays: _, ...s }) => s),
              salesCycle: velocity.salesCycle,
              winRate: velocity.winRate,
              velocityPerDay: velocity.velocityPerDay,
              cycleByMonth: velocity.cycleByMonth,
            },
            refVelocity(stages, deals, q),
          );
          const cohorts = await call<CohortsReport>(registry, 'report.cohorts', q);
          close(cohorts.cohorts, refCohorts(stages, deals, q));
          const attention = await call<AttentionReport>(registry, 'report.attention', q);
          close(
            attention.deals.map(({ id, stage, daysInStage, pushCount, flags }) => ({
              id,
              stage,
              daysInStage,
              pushCount,
              flags,
            })),
            refAttention(stages, deals, q),
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('mentors: mentored and unmentored closes, and per mentor its deals, wins, won amount and share', async () => {
    const tagged = withQueries.chain(([stages, deals, queries]) =>
      fc.tuple(
        fc.constant(stages),
        fc.constant(deals),
        fc.constant(queries),
        // Shares with up to three decimals, whose products with cents are not whole cents.
        fc.uniqueArray(
          fc.record({
            dealId: fc.constantFrom(...deals.map((d) => d.id)),
            mentor: fc.constantFrom('陈志强', 'Mia', 'Ole'),
            sharePct: fc.integer({ min: 0, max: 33_333 }).map((n) => n / 1000),
          }),
          { selector: (t) => `${t.dealId}|${t.mentor}`, maxLength: 12 },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        tagged,
        async ([stages, deals, queries, tags]: [Stage[], RefDeal[], object[], RefTag[]]) => {
          const { ws, registry } = await workspaceOf(stages, deals);
          const rows = tags.map((t) => ({ deal_id: t.dealId, mentor: t.mentor, share_pct: t.sharePct }));
          ws.sqlite.transaction(() => replaceMentorTags(ws, rows, T0))();
          for (const raw of queries) {
            const q = defined(raw) as Parameters<typeof refMentors>[3];
            const report = await call<MentorsReport>(registry, 'report.mentors', q);
            close(
              {
                mentored: report.mentored,
                unmentored: report.unmentored,
                mentors: [...report.mentors].sort((a, b) => a.mentor.localeCompare(b.mentor)),
              },
              refMentors(stages, deals, tags, q),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('forecast: the quarter’s exact figures, the quota of exactly the scope, and the gap plan', async () => {
    const quota = fc.record({
      quarter: fc.constantFrom('2026Q1', '2026Q2'),
      team: fc.constantFrom('', 'East', 'West'),
      owner: fc.constantFrom('', ...OWNERS),
      amountCents: fc.integer({ min: 0, max: 20_000_000 }),
    });
    const cases = withQueries.chain(([stages, deals, queries]) =>
      fc.tuple(
        fc.constant(stages),
        fc.tuple(
          ...deals.map((d) =>
            fc
              .constantFrom('pipeline', 'best_case', 'commit', 'omitted')
              .map((forecastCategory) => ({ ...d, forecastCategory })),
          ),
        ),
        fc.constant(queries),
        fc.uniqueArray(quota, { selector: (r) => `${r.quarter}|${r.team}|${r.owner}`, maxLength: 10 }),
        fc.array(fc.option(fc.constantFrom('2026Q1', '2026Q2', '2025Q4'), { nil: undefined }), {
          minLength: 4,
          maxLength: 4,
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        cases,
        async ([stages, deals, queries, quotas, quarters]: [
          Stage[],
          RefDeal[],
          object[],
          RefQuota[],
          (string | undefined)[],
        ]) => {
          const { ws, registry } = await workspaceOf(stages, deals);
          ws.sqlite.transaction(() => upsertQuotas(ws, quotas))();
          for (const [i, raw] of queries.entries()) {
            const q = defined({ ...raw, quarter: quarters[i] }) as Parameters<typeof refForecast>[3];
            const report = await call<ForecastReport>(registry, 'report.forecast', q);
            const { quarter, weighted, commit, bestCase, pipeline, historical, coverage, gapPlan } = report;
            close(
              {
                quarter,
                weighted,
                commit,
                bestCase,
                pipeline,
                historical,
                quota: report.quota,
                coverage,
                gapPlan,
              },
              refForecast(stages, deals, quotas, q),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('changes: the same categories and deltas, and the waterfall balances to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(
        dataset.chain(([stages, deals]) =>
          fc.tuple(
            fc.constant(stages),
            fc.constant(deals),
            instantOf(deals),
            instantOf(deals),
            instantOf(deals),
            fc.option(fc.constantFrom('2026Q1', '2026Q2'), { nil: undefined }),
            fc.option(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 })), {
              nil: undefined,
            }),
          ),
        ),
        async ([stages, deals, a, b, asOf, quarter, period]) => {
          const { registry } = await workspaceOf(stages, deals);
          const [from, to] = a <= b ? [a, b] : [b, a];
          const q = defined({
            asOf,
            from,
            to,
            quarter: period ? undefined : quarter,
            periodStart: period ? T0 + Math.min(...period) * DAY_MS : undefined,
            periodEnd: period ? T0 + Math.max(...period) * DAY_MS : undefined,
          });
          const report = await call<ChangesReport>(registry, 'report.changes', q);
          const ref = refChanges(stages, deals, q);
          expect(report.start).toBe(ref.start);
          expect(report.end).toBe(ref.end);
          expect(
            report.deals
              .map(({ id, category, delta }) => ({ id, category, delta }))
              .sort((x, y) => x.id.localeCompare(y.id)),
          ).toEqual(ref.deals.sort((x, y) => x.id.localeCompare(y.id)));
          const cents = (n: number) => Math.round(n * 100);
          const sum = Object.values(report.totals).reduce((n, t) => n + cents(t), 0);
          expect(cents(report.start) + sum).toBe(cents(report.end));
          const counted = Object.values(report.counts).reduce((n, c) => n + c, 0);
          expect(counted).toBe(report.deals.length);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('velocity over more visits per stage than the exit index keeps running totals for', async () => {
    // Thousands of deals, so a window's durations come from checkpoints of the running
    // totals, partial runs on both sides, and deleted deals taken out.
    const [stages] = fc.sample(stageModel, { seed: 7, numRuns: 1 });
    const [extra] = fc.sample(
      fc.array(fc.tuple(fc.constantFrom(...KEYS), instant), { minLength: 30_000, maxLength: 30_000 }),
      { seed: 5, numRuns: 1 },
    );
    const deals = Array.from({ length: 3000 }, (_, i) => {
      const deal = fc.sample(fc.noBias(dealArb(i)), { seed: i, numRuns: 1 })[0]!;
      // Ten more stage rows each: about 5,000 completed visits per stage.
      const rows = extra!
        .slice(i * 10, i * 10 + 10)
        .map(([value, changedAt]) => ({ field: 'stage', value, changedAt }));
      return { ...deal, history: [...deal.history, ...rows] };
    });
    const { ws, registry } = await workspaceOf(stages!, deals);
    const longest = Math.max(...exitIndex(buildSnapshot(ws, 1)).map((index) => index.exit.length));
    expect(longest).toBeGreaterThan(2 * EVERY);
    // Half of them without a filter: the running totals answer only those.
    const queries = fc
      .sample(queryOf(deals), { seed: 11, numRuns: 60 })
      .map((q, i) => (i % 2 ? q : { ...q, team: undefined, owner: undefined }));
    for (const raw of queries) {
      const q = defined(raw);
      const velocity = await call<VelocityReport>(registry, 'report.velocity', { ...q, distribution: true });
      close(
        {
          stages: velocity.stages.map(({ dwellLimitDays: _, ...st }) => st),
          salesCycle: velocity.salesCycle,
          winRate: velocity.winRate,
          velocityPerDay: velocity.velocityPerDay,
          cycleByMonth: velocity.cycleByMonth,
        },
        refVelocity(stages!, deals, q),
      );
    }
  }, 120_000);

  it('rep diagnostics: the whole scope and each rep agree with the funnel and velocity reports', async () => {
    // Reps has no definition of its own: per owner at as-of, the funnel's cohort and the
    // velocity's completed visits, which the reference checks above.
    await fc.assert(
      fc.asyncProperty(withQueries, async ([stages, deals, queries]) => {
        const { registry } = await workspaceOf(stages, deals);
        for (const raw of queries) {
          const { owner: _, ...q } = defined(raw);
          const reps = await call<RepsReport>(registry, 'report.reps', q);
          const rows = [
            { owner: undefined, row: reps.all },
            ...reps.reps.map((row) => ({ owner: row.owner, row })),
          ];
          for (const { owner, row } of rows) {
            const scoped = defined({ ...q, owner });
            const funnel = await call<FunnelReport>(registry, 'report.funnel', scoped);
            const velocity = await call<VelocityReport>(registry, 'report.velocity', scoped);
            close(
              {
                deals: row.deals,
                won: row.won,
                lost: row.lost,
                reached: row.stages.map((st) => st.reached),
                medianDays: row.stages.map((st) => st.medianDays),
              },
              {
                deals: funnel.deals,
                won: funnel.won,
                lost: funnel.lost,
                reached: funnel.stages.map((st) => st.reached),
                medianDays: velocity.stages.map((st) => (st.count ? st.medianDays : null)),
              },
            );
          }
          expect(reps.reps.reduce((n, r) => n + r.deals, 0)).toBe(reps.all.deals);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('Size and Shape: the open pipeline agrees with velocity at as-of and at each trend instant', async () => {
    await fc.assert(
      fc.asyncProperty(withQueries, async ([stages, deals, queries]) => {
        const { registry } = await workspaceOf(stages, deals);
        for (const raw of queries) {
          const q = defined(raw);
          const pipeline = await call<PipelineReport>(registry, 'report.pipeline', { ...q, trendMonths: 4 });
          const velocity = await call<VelocityReport>(registry, 'report.velocity', q);
          expect(pipeline.stages.map((st) => st.count)).toEqual(velocity.stages.map((st) => st.openCount));
          expect(pipeline.open).toBe(velocity.openDeals);
          expect(pipeline.bands.reduce((n, b) => n + b.count, 0)).toBe(pipeline.open);
          expect(pipeline.trend.at(-1)).toEqual({
            at: pipeline.asOf,
            open: pipeline.open,
            amount: pipeline.amount,
          });
          // Earlier points: the deals open then (the owner filter still reads the owner at as-of).
          if (q.owner === undefined)
            for (const point of pipeline.trend.slice(0, -1)) {
              const then = await call<PipelineReport>(registry, 'report.pipeline', {
                ...q,
                asOf: Date.parse(point.at),
                trendMonths: 1,
              });
              expect({ open: point.open, amount: point.amount }).toEqual({
                open: then.open,
                amount: then.amount,
              });
            }
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
