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
      // So far apart that packing cannot hold them: the comparator path.
      fc.constantFrom(-8e15, 8e15),
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), (times) => {
        expect(Array.from(orderByTime(times.length, (i) => times[i]!))).toEqual(byComparator(times));
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('firstAtOrAfter finds the first time not before t', () => {
    const times = Float64Array.from([1, 3, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((t) => firstAtOrAfter(times, t))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });
});
