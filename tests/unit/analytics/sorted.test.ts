import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, orderByTime } from '@backend/analytics/sorted';

const byComparator = (times: number[]) =>
  Array.from(times.keys()).sort((a, b) => times[a]! - times[b]! || a - b);

describe('orderByTime', () => {
  it('orders like a comparator sort, ties by index, within one second and across centuries', () => {
    const time = fc.oneof(
      // Within a few seconds: the packed order is by index, insertion must fix it.
      fc.integer({ min: 0, max: 3_000 }).map((ms) => 1_767_225_600_000 + ms),
      fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
      // The ends of a Date's range: the comparator path once there are 512 indexes.
      fc.constantFrom(-8.64e15, 8.64e15),
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 700 }), (times) => {
        expect(Array.from(orderByTime(times.length, (i) => times[i]!))).toEqual(byComparator(times));
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('packs times up to the widest span whose keys stay exact floats, and sorts wider ones by comparator', () => {
    // 1,023 indexes pack as seconds · 1,024 + index: a span of 2^43 whole seconds is the
    // widest whose last key (2^53 − 1,024 + 1,022) is exact; one second more is not.
    const n = 1_023;
    const widest = (2 ** 43 - 1) * 1000 + 999;
    for (const span of [widest, widest + 1, 2 * widest, 17_280_000_000_000_000]) {
      const start = -8_640_000_000_000_000;
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n - 2, maxLength: n - 2 }),
          (fractions) => {
            // The two ends in the middle, so neither is found by being first or last.
            const middle = fractions.map((f) => start + Math.floor(f * span));
            const times = [...middle.slice(0, 500), start, start + span, ...middle.slice(500)];
            expect(Array.from(orderByTime(n, (i) => times[i]!))).toEqual(byComparator(times));
          },
        ),
        { numRuns: 5 },
      );
    }
  }, 120_000);

  it('orders many indexes sharing a few seconds, across the seconds and inside each', () => {
    const times = Array.from({ length: 5_000 }, (_, i) => 1_767_225_600_000 + ((i * 7_919) % 4_000));
    expect(Array.from(orderByTime(times.length, (i) => times[i]!))).toEqual(byComparator(times));
  });

  it('firstAtOrAfter finds the first time not before t', () => {
    const times = Float64Array.from([1, 3, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((t) => firstAtOrAfter(times, t))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});
