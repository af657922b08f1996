import { describe, expect, it } from 'vitest';
import type { ChangesReport } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { parseAsOf, parseTimestamp } from '@shared/time';
import type { RefDeal } from './reference';
import { call, workspaceOf } from './support';

/**
 * The waterfall categories the golden workspace does not reach (won, lost, pulled in,
 * increased, new), one deal each, computed by hand: T0 = 2026-01-10, T1 = 2026-02-20,
 * close dates in 2026Q1, as-of the end of March.
 */
const at = (text: string) => parseTimestamp(text)!;
const deal = (id: string, extra: Partial<RefDeal>): RefDeal => ({
  id,
  createdAt: at('2026-01-01'),
  stage: 'need',
  amountCents: 0,
  closeDate: '2026-03-15',
  forecastCategory: 'pipeline',
  owner: 'Ann',
  team: 'East',
  nextStep: 'x',
  lastActivityAt: null,
  deletedAt: null,
  history: [],
  ...extra,
});

describe('pipeline change, every category by hand', () => {
  it('won, lost, pulled in, increased and new, each with its signed delta', async () => {
    const stageRows = (to: string) => [
      { field: 'stage', value: 'need', changedAt: at('2026-01-01') },
      { field: 'stage', value: to, changedAt: at('2026-02-01') },
    ];
    const { registry } = await workspaceOf(
      DEFAULT_STAGES.map((s) => ({ ...s })),
      [
        deal('W', { amountCents: 100_00, history: stageRows('won') }),
        deal('L', { amountCents: 200_00, history: stageRows('lost') }),
        deal('P', {
          amountCents: 300_00,
          history: [
            { field: 'close_date', value: '2026-05-01', changedAt: at('2026-01-01') },
            { field: 'close_date', value: '2026-03-01', changedAt: at('2026-02-01') },
          ],
        }),
        deal('I', {
          history: [
            { field: 'amount', value: '400', changedAt: at('2026-01-01') },
            { field: 'amount', value: '450', changedAt: at('2026-02-01') },
          ],
        }),
        deal('N', { createdAt: at('2026-01-15'), amountCents: 500_00, closeDate: '2026-03-20' }),
      ],
    );
    const report = await call<ChangesReport>(registry, 'report.changes', {
      asOf: parseAsOf('2026-03-31')!,
      from: at('2026-01-10'),
      to: at('2026-02-20'),
    });
    expect(report.periodStart).toBe('2026-01-01');
    expect(report.start).toBe(700);
    expect(report.end).toBe(1250);
    expect(Object.fromEntries(report.deals.map((d) => [d.id, [d.category, d.delta]]))).toEqual({
      W: ['won', -100],
      L: ['lost', -200],
      P: ['pulledIn', 300],
      I: ['increased', 50],
      N: ['new', 500],
    });
    expect(report.totals).toMatchObject({ won: -100, lost: -200, pulledIn: 300, increased: 50, new: 500 });
    expect(report.counts).toMatchObject({ won: 1, lost: 1, pulledIn: 1, increased: 1, new: 1, removed: 0 });
  });
});
