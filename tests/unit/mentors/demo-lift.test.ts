import { describe, expect, it } from 'vitest';
import type { MentorsView } from '@shared/contract';
import { createBackend } from '@backend/index';
import { DEFAULT_DEMO_DEALS, generateDemo } from '@backend/demo/generate';
import { DEMO_ARCHETYPES } from '@backend/demo/people';
import { tempWorkspace } from '../../support/temp';

/**
 * The promise about the demo: its strong closer (陈志强) mentors juniors, and the
 * Mentors view shows it with a lift whose interval does not reach zero, while the view
 * stays honest for everyone (intervals around every estimate, "not enough data" below
 * the minimum).
 */
describe('the demo workspace in the Mentors view', () => {
  it('shows the strong closer lifting the juniors they mentor, with an interval clear of zero', async () => {
    const ws = await tempWorkspace('demo.db');
    generateDemo(ws, { deals: DEFAULT_DEMO_DEALS, seed: 1, today: '2026-11-30' });
    const result = await createBackend(ws).dispatch('mentors.view', {}, 'app');
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as MentorsView;

    const closer = view.summaries.find((m) => m.mentor === DEMO_ARCHETYPES.strongCloser)!;
    expect(closer.deals).toBeGreaterThanOrEqual(30);
    expect(closer.lift.enough.winRate).toBe(true);
    expect(closer.lift.winRateLift.low!).toBeGreaterThan(0);
    // The closer's lift is the largest of all mentors with enough data.
    const lifts = view.summaries
      .filter((m) => m.lift.enough.winRate)
      .map((m) => [m.mentor, m.lift.winRateLift.estimate!] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(lifts[0]![0]).toBe(DEMO_ARCHETYPES.strongCloser);

    for (const m of [view, ...view.summaries]) {
      const { winRateLift, mentored, comparable, enough, minimum } = m.lift;
      expect(enough.winRate).toBe(mentored.closed >= minimum.closed && comparable.closed >= minimum.closed);
      if (winRateLift.estimate === null) continue;
      expect(winRateLift.low!).toBeLessThanOrEqual(winRateLift.estimate);
      expect(winRateLift.high!).toBeGreaterThanOrEqual(winRateLift.estimate);
    }
    // Shares are earned per quarter of the close and add up to the mentor's total (each
    // quarter rounded to the cent on its own).
    const cents = (n: number) => Math.round(n * 100);
    const byQuarter = closer.quarters.reduce((n, q) => n + cents(q.shareAmount), 0);
    expect(Math.abs(byQuarter - cents(closer.shareAmount))).toBeLessThanOrEqual(closer.quarters.length / 2);
    expect(closer.quarters.reduce((n, q) => n + q.deals, 0)).toBe(closer.deals);
  }, 120_000);
});
