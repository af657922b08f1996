import fc from 'fast-check';
import { expect } from 'vitest';
import type { Stage } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';
import type { RefDeal } from './reference';

/**
 * Random workspaces for the property tests against the reference: a stage model whose
 * orders do not sort as text and whose won/lost stages sit anywhere, histories with ties,
 * skipped stages, reopenings, rows before creation and after as-of, cleared close dates,
 * deletions; and queries at any instant or exactly at one of the data's.
 */
export const T0 = Date.parse('2026-01-01T00:00:00Z');
/** Instants on a coarse grid (a fifth of a day) as well as anywhere, so that ties happen. */
export const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }).map((i) => T0 + i * (DAY_MS / 4)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 80 * DAY_MS }).map((ms) => T0 + ms) },
);

export const stageModel: fc.Arbitrary<Stage[]> = fc
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

export const KEYS = ['s10', 's9', 's100', 'win', 'loss'];
export const OWNERS = ['王伟', 'Ann Lee', 'Bob'];

export const dealArb = (i: number): fc.Arbitrary<RefDeal> =>
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

export const dataset = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => fc.tuple(stageModel, fc.tuple(...Array.from({ length: n }, (_, i) => dealArb(i)))));

/**
 * Query instants anywhere, or exactly at an instant of the data (a creation, a history
 * row, an activity, a deletion), where `<` and `≤` part ways.
 */
export const instantOf = (deals: RefDeal[]) => {
  const known = deals.flatMap((d) => [
    d.createdAt,
    ...d.history.map((h) => Math.max(h.changedAt, d.createdAt)),
    ...(d.deletedAt === null ? [] : [d.deletedAt]),
  ]);
  return fc.oneof(instant, fc.constantFrom(...known));
};

export const queryOf = (deals: RefDeal[]) =>
  fc.record({
    asOf: instantOf(deals),
    from: fc.option(instantOf(deals), { nil: undefined }),
    to: fc.option(instantOf(deals), { nil: undefined }),
    team: fc.option(fc.constantFrom('East', 'West', 'Nobody'), { nil: undefined, freq: 3 }),
    owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined, freq: 3 }),
  });

export const withQueries = dataset.chain(([stages, deals]) =>
  fc.tuple(fc.constant(stages), fc.constant(deals), fc.array(queryOf(deals), { minLength: 1, maxLength: 4 })),
);

export const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Durations are fractional days: equal up to floating-point rounding. */
export function close(actual: unknown, expected: unknown): void {
  expect(
    JSON.parse(JSON.stringify(actual, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))),
  ).toEqual(
    JSON.parse(JSON.stringify(expected, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))),
  );
}
