import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTENTION_FLAGS,
  attentionFlags,
  hasNoNextStep,
  isInactive,
  isOverdue,
  isPushed,
  isShrunk,
  isStalled,
  pushCount,
  stalledSince,
  type AttentionDeal,
} from '../../../src/shared/domain/attention';
import type { HistoryRow } from '../../../src/shared/domain/field-values';
import { DEFAULT_STAGES } from '../../../src/shared/domain/stages';
import { DAY_MS, dayStart } from '../../../src/shared/time';

const open = (dwellLimitDays: number | null) => ({ kind: 'open' as const, dwellLimitDays });
const row = (field: string, value: string, changedAt: number): HistoryRow => ({ field, value, changedAt });
const dated = (value: string, changedAt: number) => ({ value, changedAt });

/** The default model with PRODUCT.md's follow-up days (the Stage type may not carry them yet). */
const FOLLOWUP: Record<string, number | null> = {
  need: 7,
  solution: 7,
  proposal: 3,
  negotiation: 3,
  contract: 1,
};
const STAGES = DEFAULT_STAGES.map((s) => ({ ...s, followupDays: FOLLOWUP[s.key] ?? null }));

const AS_OF = dayStart('2026-03-05'); // --as-of 2026-03-04

describe('stalled (PRODUCT.md "Attention")', () => {
  it('flags an age strictly greater than the dwell limit: the limit itself is not stalled', () => {
    expect(isStalled((14 * DAY_MS) / DAY_MS, open(14))).toBe(false);
    expect(isStalled((14 * DAY_MS + 1) / DAY_MS, open(14))).toBe(true);
    expect(isStalled(0, open(0))).toBe(false);
    expect(isStalled(1 / DAY_MS, open(0))).toBe(true);
  });

  it('never flags a stage without a limit, a won or lost stage, or an unknown stage', () => {
    expect(isStalled(1e6, open(null))).toBe(false);
    expect(isStalled(1e6, { kind: 'won', dwellLimitDays: 1 })).toBe(false);
    expect(isStalled(1e6, { kind: 'lost', dwellLimitDays: 1 })).toBe(false);
    expect(isStalled(1e6, undefined)).toBe(false);
  });

  it('stalledSince is as-of minus the limit in days for a whole-day limit', () => {
    expect(stalledSince(open(14), AS_OF)).toBe(AS_OF - 14 * DAY_MS);
    expect(stalledSince(open(0), AS_OF)).toBe(AS_OF);
    expect(stalledSince(open(1), 0)).toBe(-DAY_MS);
  });

  it('stalledSince is null for a stage that never stalls', () => {
    expect(stalledSince(open(null), AS_OF)).toBeNull();
    expect(stalledSince({ kind: 'won', dwellLimitDays: 3 }, AS_OF)).toBeNull();
    expect(stalledSince({ kind: 'lost', dwellLimitDays: 3 }, AS_OF)).toBeNull();
    expect(stalledSince(undefined, AS_OF)).toBeNull();
    // No whole-ms age below 2^53 reaches these limits.
    expect(stalledSince(open(1e300), AS_OF)).toBeNull();
    expect(stalledSince(open(Number.POSITIVE_INFINITY), AS_OF)).toBeNull();
  });

  it('stalledSince works right up to the largest reachable limit', () => {
    // An age of 2^53 − 1 ms is 104249991.37… days.
    const since = stalledSince(open(104_249_991), 0);
    expect(since).toBe(-104_249_991 * DAY_MS);
  });

  it('stalledSince agrees with isStalled at the boundary of a fractional limit', () => {
    // 187.2 · DAY_MS rounds below 16_174_080_000, so at this as-of the naive SQL bound
    // (entered < asOf − limit·DAY_MS) calls a visit of exactly 187.2 days stalled while the
    // screen (age / DAY_MS > 187.2) does not.
    const s = open(187.2);
    const asOf = 12_362_914_179;
    const exact = asOf - 16_174_080_000;
    expect(exact < asOf - 187.2 * DAY_MS).toBe(true); // the naive bound's mistake
    expect(isStalled((asOf - exact) / DAY_MS, s)).toBe(false);
    expect(isStalled((asOf - (exact - 1)) / DAY_MS, s)).toBe(true);
    expect(stalledSince(s, asOf)).toBe(exact);
  });

  it('stalledSince agrees with isStalled where the naive bound misses a stalled visit', () => {
    // The other direction, at an as-of in 2019, with a limit whose rounding goes the other way.
    const limit = 257.1403839699068;
    const s = open(limit);
    const asOf = 1_570_848_954_189;
    const entered = asOf - 22_216_929_175;
    expect(entered < asOf - limit * DAY_MS).toBe(false); // the naive bound's mistake
    expect(isStalled((asOf - entered) / DAY_MS, s)).toBe(true);
    expect(isStalled((asOf - entered - 1) / DAY_MS, s)).toBe(false);
    expect(stalledSince(s, asOf)).toBe(entered + 1);
  });
});

describe('inactive', () => {
  const ago = (ms: number) => AS_OF - ms;

  it('flags an activity strictly more than the follow-up days before as-of', () => {
    expect(isInactive(ago(3 * DAY_MS), AS_OF, 3)).toBe(false);
    expect(isInactive(ago(3 * DAY_MS + 1), AS_OF, 3)).toBe(true);
    expect(isInactive(ago(1), AS_OF, 0)).toBe(true);
  });

  it('never flags an unknown activity or a stage without a cadence', () => {
    expect(isInactive(null, AS_OF, 3)).toBe(false);
    expect(isInactive(ago(1000 * DAY_MS), AS_OF, null)).toBe(false);
  });

  it('never flags an activity at or after as-of, whatever the cadence', () => {
    expect(isInactive(AS_OF, AS_OF, 0)).toBe(false);
    expect(isInactive(AS_OF, AS_OF, -1)).toBe(false);
    expect(isInactive(AS_OF + DAY_MS, AS_OF, -5)).toBe(false);
  });
});

describe('overdue', () => {
  it('compares with the as-of day, which is the day of as-of − 1 ms', () => {
    // --as-of 2026-03-04 is 2026-03-05 00:00: the 4th is still the as-of day.
    expect(isOverdue('2026-03-04', AS_OF)).toBe(false);
    expect(isOverdue('2026-03-03', AS_OF)).toBe(true);
    expect(isOverdue('2026-03-05', AS_OF)).toBe(false);
    // One ms later the as-of day is the 5th.
    expect(isOverdue('2026-03-04', AS_OF + 1)).toBe(true);
    expect(isOverdue('2026-03-05', AS_OF + 1)).toBe(false);
  });

  it('never flags a deal without a close date', () => {
    expect(isOverdue(null, AS_OF)).toBe(false);
    expect(isOverdue('', AS_OF)).toBe(false);
  });
});

describe('pushed', () => {
  it('counts rows whose date is later than the row just before it', () => {
    const rows = [dated('2026-01-10', 1), dated('2026-02-10', 2), dated('2026-03-10', 3)];
    expect(pushCount(rows, 4)).toBe(2);
    expect(isPushed(rows, 4)).toBe(true);
    expect(pushCount(rows.slice(0, 2), 4)).toBe(1);
    expect(isPushed(rows.slice(0, 2), 4)).toBe(false);
  });

  it('never counts the first row, a pull-in or an unchanged date', () => {
    expect(pushCount([dated('2026-01-10', 1)], 4)).toBe(0);
    expect(pushCount([dated('2026-03-10', 1), dated('2026-02-10', 2), dated('2026-02-10', 3)], 4)).toBe(0);
  });

  it('does not count clearing a date, nor the date set after a cleared one', () => {
    const rows = [dated('2026-01-10', 1), dated('', 2), dated('2026-03-10', 3), dated('2026-04-10', 4)];
    expect(pushCount(rows, 5)).toBe(1); // only 03-10 → 04-10
    expect(pushCount([dated('', 1), dated('2026-03-10', 2)], 5)).toBe(0);
  });

  it('ignores rows stamped at or after as-of', () => {
    const rows = [dated('2026-01-10', 1), dated('2026-02-10', 2), dated('2026-03-10', 3)];
    expect(pushCount(rows, 3)).toBe(1);
    expect(isPushed(rows, 3)).toBe(false);
    expect(pushCount(rows, 2)).toBe(0);
  });

  it('sorts by time and keeps the given order among rows at one instant', () => {
    expect(pushCount([dated('2026-03-10', 3), dated('2026-01-10', 1), dated('2026-02-10', 2)], 4)).toBe(2);
    const tied = [dated('2026-01-10', 1), dated('2026-02-10', 1)];
    expect(pushCount(tied, 2)).toBe(1);
    expect(pushCount([...tied].reverse(), 2)).toBe(0);
  });
});

describe('shrunk', () => {
  const then = AS_OF - 30 * DAY_MS;
  const created = then - DAY_MS;

  it('flags an amount at as-of below the amount 30 days earlier', () => {
    const rows = [row('amount', '1000', created), row('amount', '900.5', then + 1)];
    expect(isShrunk(created, rows, 0, AS_OF)).toBe(true);
    expect(
      isShrunk(created, [row('amount', '1000', created), row('amount', '1000', then + 1)], 0, AS_OF),
    ).toBe(false);
    expect(
      isShrunk(created, [row('amount', '1000', created), row('amount', '1001', then + 1)], 0, AS_OF),
    ).toBe(false);
  });

  it('needs the deal to exist 30 days before as-of (created strictly before then)', () => {
    const rows = [row('amount', '1000', then), row('amount', '500', then + 1)];
    expect(isShrunk(then, rows, 0, AS_OF)).toBe(false);
    expect(isShrunk(then - 1, rows, 0, AS_OF)).toBe(true);
  });

  it('reads both amounts strictly before their instants', () => {
    // A change exactly 30 days back belongs to then's future: the amount then is 1000.
    const rows = [row('amount', '1000', created), row('amount', '500', then)];
    expect(isShrunk(created, rows, 0, AS_OF)).toBe(true);
    // A change exactly at as-of is not known at as-of.
    expect(isShrunk(created, [row('amount', '1000', created), row('amount', '500', AS_OF)], 0, AS_OF)).toBe(
      false,
    );
  });

  it('never flags a deal without amount rows', () => {
    expect(isShrunk(created, [row('owner', 'x', created)], 100, AS_OF)).toBe(false);
  });
});

describe('no next step', () => {
  it('is empty or only what trim() removes, the ideographic space included', () => {
    for (const blank of ['', ' ', '\t\n', '\u3000', '\u00a0 \u3000']) expect(hasNoNextStep(blank)).toBe(true);
    for (const text of ['call', ' 拜访 ', '\u3000x']) expect(hasNoNextStep(text)).toBe(false);
  });
});

const deal = (over: Partial<AttentionDeal> = {}): AttentionDeal => ({
  createdAt: AS_OF - 100 * DAY_MS,
  stage: 'proposal',
  amountCents: 500_000,
  closeDate: '2026-06-30',
  forecastCategory: 'pipeline',
  owner: 'Li',
  nextStep: 'send the quote',
  lastActivityAt: AS_OF - DAY_MS,
  deletedAt: null,
  ...over,
});

describe('attention flags of a deal', () => {
  it('lists every flag that applies, in PRODUCT.md order, with stage, age and pushes', () => {
    const c = AS_OF - 100 * DAY_MS;
    const history = [
      row('stage', 'need', c),
      row('stage', 'proposal', AS_OF - 10 * DAY_MS), // 10 days > 7
      row('amount', '8000', c),
      row('amount', '5000', AS_OF - 2 * DAY_MS),
      row('close_date', '2026-01-31', c),
      row('close_date', '2026-02-15', c + DAY_MS),
      row('close_date', '2026-03-01', c + 2 * DAY_MS), // overdue at as-of, pushed twice
    ];
    const result = attentionFlags(
      deal({ createdAt: c, nextStep: '\u3000', lastActivityAt: AS_OF - 4 * DAY_MS, stage: 'won' }),
      history,
      STAGES,
      AS_OF,
    );
    expect(result).toEqual({
      stage: 'proposal',
      daysInStage: 10,
      pushCount: 2,
      flags: ['stalled', 'inactive', 'overdue', 'pushed', 'shrunk', 'noNextStep'],
    });
  });

  it('returns no flags for a healthy open deal, and the stage from its column without stage rows', () => {
    expect(attentionFlags(deal(), [], STAGES, AS_OF)).toEqual({
      stage: 'proposal',
      daysInStage: 100,
      pushCount: 0,
      flags: ['stalled'], // 100 days in proposal without rows: in it since created_at
    });
    const fresh = deal({ createdAt: AS_OF - DAY_MS });
    expect(attentionFlags(fresh, [], STAGES, AS_OF)).toEqual({
      stage: 'proposal',
      daysInStage: 1,
      pushCount: 0,
      flags: [],
    });
  });

  it('reads each flag from its own inputs', () => {
    const fresh = { createdAt: AS_OF - DAY_MS };
    const only = (over: Partial<AttentionDeal>, history: HistoryRow[] = []) =>
      attentionFlags(deal({ ...fresh, ...over }), history, STAGES, AS_OF)?.flags;
    expect(only({ lastActivityAt: AS_OF - 3 * DAY_MS - 1 })).toEqual(['inactive']);
    expect(only({ lastActivityAt: AS_OF - 3 * DAY_MS })).toEqual([]);
    expect(only({ closeDate: '2026-03-03' })).toEqual(['overdue']);
    expect(only({ closeDate: null })).toEqual([]);
    expect(only({ nextStep: ' ' })).toEqual(['noNextStep']);
    // The close date at as-of comes from history, not from the column.
    expect(only({ closeDate: '2026-01-01' }, [row('close_date', '2026-12-31', AS_OF - DAY_MS)])).toEqual([]);
  });

  it('uses the follow-up days of the stage at as-of, and none when the stage has none', () => {
    const d = deal({ createdAt: AS_OF - DAY_MS, stage: 'need', lastActivityAt: AS_OF - 5 * DAY_MS });
    expect(attentionFlags(d, [], STAGES, AS_OF)?.flags).toEqual([]); // need: 7 days
    const contract = attentionFlags(
      d,
      [row('stage', 'need', d.createdAt), row('stage', 'contract', AS_OF - 1)],
      STAGES,
      AS_OF,
    );
    expect(contract?.flags).toEqual(['inactive']); // contract: 1 day
    const inContract = [row('stage', 'contract', d.createdAt)];
    const nullCadence = STAGES.map((s) => ({ ...s, followupDays: null }));
    expect(attentionFlags(d, inContract, nullCadence, AS_OF)?.flags).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const noCadence = STAGES.map(({ followupDays, ...s }) => s);
    expect(attentionFlags(d, inContract, noCadence, AS_OF)?.flags).toEqual([]);
  });

  it('counts pushes only before as-of', () => {
    const c = AS_OF - 2 * DAY_MS;
    const history = [
      row('close_date', '2026-04-01', c),
      row('close_date', '2026-05-01', c + 1),
      row('close_date', '2026-06-01', AS_OF),
    ];
    expect(attentionFlags(deal({ createdAt: c }), history, STAGES, AS_OF)).toMatchObject({
      pushCount: 1,
      flags: [],
    });
    expect(attentionFlags(deal({ createdAt: c }), history, STAGES, AS_OF + 1)).toMatchObject({
      pushCount: 2,
      flags: ['pushed'],
    });
  });

  it('measures the age of the open visit from its entry, not from created_at', () => {
    const c = AS_OF - 50 * DAY_MS;
    const history = [row('stage', 'need', c), row('stage', 'solution', AS_OF - 21 * DAY_MS)];
    expect(attentionFlags(deal({ createdAt: c }), history, STAGES, AS_OF)).toMatchObject({
      stage: 'solution',
      daysInStage: 21,
      flags: [],
    });
    expect(attentionFlags(deal({ createdAt: c }), history, STAGES, AS_OF + 1)).toMatchObject({
      flags: ['stalled'],
    });
  });

  it('reads stage rows in time order, and a repeated stage does not restart the visit', () => {
    const c = AS_OF - 50 * DAY_MS;
    const shuffled = [row('stage', 'proposal', AS_OF - 2 * DAY_MS), row('stage', 'need', c)];
    expect(attentionFlags(deal({ createdAt: c }), shuffled, STAGES, AS_OF)).toMatchObject({
      stage: 'proposal',
      daysInStage: 2,
      flags: [],
    });
    const repeated = [
      row('stage', 'need', c),
      row('stage', 'proposal', AS_OF - 10 * DAY_MS),
      row('stage', 'proposal', AS_OF - 2 * DAY_MS),
    ];
    expect(attentionFlags(deal({ createdAt: c }), repeated, STAGES, AS_OF)).toMatchObject({
      stage: 'proposal',
      daysInStage: 10,
      flags: ['stalled'],
    });
  });

  describe('who is a candidate', () => {
    it('exists only when created strictly before as-of', () => {
      expect(attentionFlags(deal({ createdAt: AS_OF }), [], STAGES, AS_OF)).toBeNull();
      expect(attentionFlags(deal({ createdAt: AS_OF + 1 }), [], STAGES, AS_OF)).toBeNull();
      expect(attentionFlags(deal({ createdAt: AS_OF - 1 }), [], STAGES, AS_OF)).not.toBeNull();
    });

    it('leaves out deals deleted before as-of; a deletion at or after as-of is unknown', () => {
      expect(attentionFlags(deal({ deletedAt: AS_OF - 1 }), [], STAGES, AS_OF)).toBeNull();
      expect(attentionFlags(deal({ deletedAt: AS_OF }), [], STAGES, AS_OF)).not.toBeNull();
      expect(attentionFlags(deal({ deletedAt: AS_OF + DAY_MS }), [], STAGES, AS_OF)).not.toBeNull();
    });

    it('leaves out deals won or lost at as-of; one won exactly at as-of is still open', () => {
      const c = AS_OF - 10 * DAY_MS;
      const won = [row('stage', 'proposal', c), row('stage', 'won', AS_OF - 1)];
      expect(attentionFlags(deal({ createdAt: c }), won, STAGES, AS_OF)).toBeNull();
      expect(attentionFlags(deal({ createdAt: c, stage: 'lost' }), [], STAGES, AS_OF)).toBeNull();
      const wonAtAsOf = [row('stage', 'proposal', c), row('stage', 'won', AS_OF)];
      expect(attentionFlags(deal({ createdAt: c, stage: 'won' }), wonAtAsOf, STAGES, AS_OF)?.stage).toBe(
        'proposal',
      );
      // Reopened before as-of: open again.
      const reopened = [...won, row('stage', 'negotiation', AS_OF - 1)];
      expect(attentionFlags(deal({ createdAt: c }), reopened, STAGES, AS_OF)?.stage).toBe('negotiation');
    });

    it('leaves out a deal whose stage at as-of is not in the stage model', () => {
      expect(attentionFlags(deal({ stage: 'upstream-x' }), [], STAGES, AS_OF)).toBeNull();
    });
  });
});

describe('attention properties', () => {
  const whole = fc.integer({ min: 0, max: 4_000_000_000_000 });
  /** Limits as stages.csv can hold them: whole days, decimals, any non-negative double. */
  const limit = fc.oneof(
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000),
    fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  );
  /** Ages near the limit, where rounding bites, and anywhere else. */
  const ageFor = (l: number) =>
    fc.oneof(
      fc.integer({ min: -3, max: 3 }).map((d) => Math.round(l * DAY_MS) + d),
      fc.integer({ min: -10 * DAY_MS, max: 2000 * DAY_MS }),
    );

  it('isStalled ⇔ entered < stalledSince on whole milliseconds, boundary included', () => {
    fc.assert(
      fc.property(
        whole,
        limit.chain((l) => fc.tuple(fc.constant(l), ageFor(l))),
        (asOf, [l, age]) => {
          const entered = asOf - age;
          const since = stalledSince(open(l), asOf);
          expect(since).not.toBeNull();
          expect(entered < since!).toBe(isStalled((asOf - entered) / DAY_MS, open(l)));
          // What the pipeline screen computes (it clamps future entries to 0 days).
          expect(entered < since!).toBe(isStalled(Math.max(0, asOf - entered) / DAY_MS, open(l)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('stalledSince is as-of − limit·DAY_MS for whole-day limits', () => {
    fc.assert(
      fc.property(whole, fc.integer({ min: 0, max: 100_000 }), (asOf, days) => {
        expect(stalledSince(open(days), asOf)).toBe(asOf - days * DAY_MS);
      }),
    );
  });

  it('stalled is monotone in the age and in the limit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        limit,
        (a, extra, l) => {
          if (isStalled(a, open(l))) {
            expect(isStalled(a + extra, open(l))).toBe(true);
            expect(isStalled(a, open(Math.max(0, l - extra)))).toBe(true);
          }
        },
      ),
    );
  });

  it('inactive is monotone in the time since the activity', () => {
    fc.assert(
      fc.property(whole, fc.nat(1e10), fc.nat(1e10), fc.integer({ min: 0, max: 60 }), (asOf, a, b, days) => {
        const [near, far] = a < b ? [a, b] : [b, a];
        if (isInactive(asOf - near, asOf, days)) expect(isInactive(asOf - far, asOf, days)).toBe(true);
      }),
    );
  });

  const day = fc.constantFrom('', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01');
  const closeRows = fc.array(fc.record({ value: day, changedAt: fc.integer({ min: 0, max: 20 }) }), {
    maxLength: 10,
  });

  it('pushCount is at most the rows before as-of minus one, and rows from as-of on change nothing', () => {
    fc.assert(
      fc.property(closeRows, closeRows, fc.integer({ min: 0, max: 21 }), (rows, later, asOf) => {
        const before = rows.filter((r) => r.changedAt < asOf).length;
        const n = pushCount(rows, asOf);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(Math.max(0, before - 1));
        const future = later.map((r) => ({ ...r, changedAt: asOf + r.changedAt }));
        expect(pushCount([...rows, ...future], asOf)).toBe(n);
        expect(isPushed(rows, asOf)).toBe(n >= 2);
      }),
    );
  });

  it('a history of only earlier or equal dates is never pushed', () => {
    fc.assert(
      fc.property(closeRows, (rows) => {
        const descending = [...rows]
          .map((r) => r.value)
          .filter((v) => v !== '')
          .sort()
          .reverse()
          .map((value, i) => ({ value, changedAt: i }));
        expect(pushCount(descending, 1e9)).toBe(0);
      }),
    );
  });

  const stageKey = fc.constantFrom(...STAGES.map((s) => s.key), 'upstream-x');
  const t = fc.integer({ min: -40, max: 40 }).map((d) => AS_OF + d * DAY_MS + (d % 3));
  const historyRow = fc.oneof(
    fc.record({ field: fc.constant('stage'), value: stageKey, changedAt: t }),
    fc.record({ field: fc.constant('amount'), value: fc.constantFrom('', '10', '20.5', '30'), changedAt: t }),
    fc.record({ field: fc.constant('close_date'), value: day, changedAt: t }),
    fc.record({ field: fc.constant('owner'), value: fc.constantFrom('Li', 'Wang'), changedAt: t }),
  );
  const anyDeal = fc.record({
    createdAt: t,
    stage: stageKey,
    amountCents: fc.integer({ min: 0, max: 5000 }),
    closeDate: fc.option(
      day.filter((d) => d !== ''),
      { nil: null },
    ),
    forecastCategory: fc.constant('pipeline'),
    owner: fc.constant('Li'),
    nextStep: fc.constantFrom('', ' ', '\u3000', 'call'),
    lastActivityAt: fc.option(t, { nil: null }),
    deletedAt: fc.option(t, { nil: null }),
  });
  const history = fc.array(historyRow, { maxLength: 12 });

  it('flags are a subsequence of the PRODUCT.md order, each agreeing with its rule', () => {
    fc.assert(
      fc.property(anyDeal, history, (d, h) => {
        const r = attentionFlags(d, h, STAGES, AS_OF);
        if (r === null) return;
        const positions = r.flags.map((f) => ATTENTION_FLAGS.indexOf(f));
        expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
        const stage = STAGES.find((s) => s.key === r.stage)!;
        expect(stage.kind).toBe('open');
        expect(r.flags.includes('stalled')).toBe(isStalled(r.daysInStage, stage));
        expect(r.flags.includes('noNextStep')).toBe(hasNoNextStep(d.nextStep));
        expect(r.flags.includes('pushed')).toBe(r.pushCount >= 2);
        expect(r.daysInStage).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a deal won or lost at as-of, not yet created, or deleted before as-of has no flags', () => {
    fc.assert(
      fc.property(anyDeal, history, fc.constantFrom('won', 'lost'), (d, h, closed) => {
        const closedAtAsOf = [...h, { field: 'stage', value: closed, changedAt: AS_OF - 1 }];
        expect(attentionFlags(d, closedAtAsOf, STAGES, AS_OF)).toBeNull();
        expect(
          attentionFlags({ ...d, createdAt: AS_OF + Math.abs(d.createdAt % 2) }, h, STAGES, AS_OF),
        ).toBeNull();
        expect(attentionFlags({ ...d, deletedAt: AS_OF - 1 }, h, STAGES, AS_OF)).toBeNull();
      }),
    );
  });
});
