import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AttentionReport,
  ChangesReport,
  CohortsReport,
  FunnelReport,
  PipelineReport,
  RepsReport,
  VelocityReport,
} from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';
import { refAttention, refChanges, refCohorts, refFunnel, refVelocity, type RefDeal } from './reference';
import { buildSnapshot } from '@backend/analytics/load';
import { EVERY, exitIndex } from '@backend/analytics/exit-index';
import { call, workspaceOf } from './support';

/**
 * The engine (typed arrays, one pass) against the plain reference (rows, the rule
 * functions) on random workspaces: a stage model whose orders do not sort as text and
 * whose won/lost stages sit anywhere, histories with ties, skipped stages, reopenings,
 * rows before creation and after as-of, cleared close dates, deletions, and filters.
 * Run in a time zone that is not UTC: nothing may read the machine's local time.
 */
process.env.TZ = 'America/New_York';

const T0 = Date.parse('2026-01-01T00:00:00Z');
/** Instants on a coarse grid (a fifth of a day) as well as anywhere, so that ties happen. */
const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }).map((i) => T0 + i * (DAY_MS / 4)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 80 * DAY_MS }).map((ms) => T0 + ms) },
);

const stageModel: fc.Arbitrary<Stage[]> = fc
  .record({
    orders: fc.uniqueArray(fc.constantFrom(-3, 1, 2, 9, 10, 10.5, 100, 20), { minLength: 5, maxLength: 5 }),
    limits: fc.array(fc.option(fc.constantFrom(0, 1, 2.5, 5, 7, 14), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
    followups: fc.array(fc.option(fc.constantFrom(0, 1, 3, 7), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ orders, limits, followups }) => {
    const base = (key: string, order: number, kind: Stage['kind'], i: number): Stage => ({
      key,
      name: key,
      nameZh: null,
      nameEn: null,
      order,
      kind,
      probability: kind === 'won' ? 1 : kind === 'lost' ? 0 : 0.2 * (i + 1),
      dwellLimitDays: kind === 'open' ? (limits[i] ?? null) : null,
      followupDays: kind === 'open' ? (followups[i] ?? null) : null,
      buyingPhase: null,
      exitCriteria: null,
    });
    return [
      base('s10', orders[0]!, 'open', 0),
      base('s9', orders[1]!, 'open', 1),
      base('s100', orders[2]!, 'open', 2),
      base('win', orders[3]!, 'won', 0),
      base('loss', orders[4]!, 'lost', 0),
    ];
  });

const KEYS = ['s10', 's9', 's100', 'win', 'loss'];
const OWNERS = ['王伟', 'Ann Lee', 'Bob'];

const dealArb = (i: number): fc.Arbitrary<RefDeal> =>
  fc
    .record({
      createdAt: instant,
      stage: fc.constantFrom(...KEYS),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
      closeDay: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      owner: fc.constantFrom(...OWNERS),
      team: fc.constantFrom('East', 'West'),
      nextStep: fc.constantFrom('', ' ', '\u3000', 'Call the CFO'),
      lastActivityAt: fc.option(instant, { nil: null }),
      deletedAt: fc.option(instant, { nil: null, freq: 4 }),
      history: fc.array(
        fc.oneof(
          fc.record({ field: fc.constant('stage'), value: fc.constantFrom(...KEYS), changedAt: instant }),
          fc.record({
            field: fc.constant('amount'),
            value: fc.integer({ min: 0, max: 5_000_000 }).map((c) => String(c / 100)),
            changedAt: instant,
          }),
          fc.record({
            field: fc.constant('close_date'),
            value: fc.oneof(
              fc.constant(''),
              fc
                .integer({ min: 0, max: 200 })
                .map((d) => new Date(T0 + d * DAY_MS).toISOString().slice(0, 10)),
            ),
            changedAt: instant,
          }),
          fc.record({ field: fc.constant('owner'), value: fc.constantFrom(...OWNERS), changedAt: instant }),
        ),
        { maxLength: 8 },
      ),
    })
    .map((r) => ({
      id: `D${String(i).padStart(3, '0')}`,
      createdAt: r.createdAt,
      stage: r.stage,
      amountCents: r.amount,
      closeDate: r.closeDay === null ? null : new Date(T0 + r.closeDay * DAY_MS).toISOString().slice(0, 10),
      forecastCategory: 'pipeline',
      owner: r.owner,
      team: r.team,
      nextStep: r.nextStep,
      lastActivityAt: r.lastActivityAt,
      deletedAt: r.deletedAt,
      history: r.history.map((h) => ({ field: h.field, value: h.value, changedAt: h.changedAt })),
    }));

const dataset = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => fc.tuple(stageModel, fc.tuple(...Array.from({ length: n }, (_, i) => dealArb(i)))));

/**
 * Query instants anywhere, or exactly at an instant of the data (a creation, a history
 * row, an activity, a deletion), where `<` and `≤` part ways.
 */
const instantOf = (deals: RefDeal[]) => {
  const known = deals.flatMap((d) => [
    d.createdAt,
    ...d.history.map((h) => Math.max(h.changedAt, d.createdAt)),
    ...(d.deletedAt === null ? [] : [d.deletedAt]),
  ]);
  return fc.oneof(instant, fc.constantFrom(...known));
};

const queryOf = (deals: RefDeal[]) =>
  fc.record({
    asOf: instantOf(deals),
    from: fc.option(instantOf(deals), { nil: undefined }),
    to: fc.option(instantOf(deals), { nil: undefined }),
    team: fc.option(fc.constantFrom('East', 'West', 'Nobody'), { nil: undefined, freq: 3 }),
    owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined, freq: 3 }),
  });

const withQueries = dataset.chain(([stages, deals]) =>
  fc.tuple(fc.constant(stages), fc.constant(deals), fc.array(queryOf(deals), { minLength: 1, maxLength: 4 })),
);

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Durations are fractional days: equal up to floating-point rounding. */
function close(actual: unknown, expected: unknown): void {
  expect(
    JSON.parse(JSON.stringify(actual, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))),
  ).toEqual(
    JSON.parse(JSON.stringify(expected, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))),
  );
}

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
