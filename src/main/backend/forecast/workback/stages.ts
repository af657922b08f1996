import type { FunnelStage } from '@shared/contract';
import type { WorkbackStage } from '@shared/contract/forecast-workback';
import { gapPlan } from '../../analytics/forecast';
import { toMoney } from '../../analytics/money';
import type { PeriodInputs } from './period';

/**
 * Per open stage what it must hold now (the forecast's gapPlan, computed by the same
 * function: gap / m / h(s) deals, gap / h(s) amount) against the open deals it holds due in
 * the period, and what those are expected to win (Σ amount × h(s)). A closed gap needs
 * nothing (0); without a target the need is unknown (null).
 */
export function stageRows(
  p: PeriodInputs,
  gapCents: number | null,
  conversions: readonly FunnelStage[],
  benchmarks: readonly (number | null)[],
): { stages: WorkbackStage[]; expectedCents: number } {
  const n = p.view.open.length;
  const haveDeals = new Float64Array(n);
  const haveCents = new Float64Array(n);
  for (const o of p.open) {
    haveDeals[o.rank]!++;
    haveCents[o.rank]! += o.cents;
  }
  let expectedCents = 0;
  for (let r = 0; r < n; r++) expectedCents += haveCents[r]! * p.winRates[r]!.h;
  const plan = gapPlan(p.view, p.winRates, gapCents, p.meanWonCents);
  const closed = gapCents !== null && gapCents <= 0;
  const stages = p.view.open.map((st, r): WorkbackStage => {
    const needDeals = closed ? 0 : (plan[r]?.deals ?? null);
    const needAmount = closed ? 0 : (plan[r]?.amount ?? null);
    const amount = toMoney(haveCents[r]!);
    return {
      stage: st.key,
      h: p.winRates[r]!.h,
      hSource: p.winRates[r]!.source,
      needDeals,
      needAmount,
      haveDeals: haveDeals[r]!,
      haveAmount: amount,
      shortDeals: needDeals === null ? null : Math.max(0, needDeals - haveDeals[r]!),
      shortAmount: needAmount === null ? null : Math.max(0, needAmount - amount),
      conversion: conversions[r]?.conversionToNext ?? null,
      reached: conversions[r]?.reached ?? 0,
      benchmark: benchmarks[r] ?? null,
    };
  });
  return { stages, expectedCents };
}
