import { SIZE_BANDS, type PipelineReport, type PipelineScope, type SizeBand } from '@shared/contract';
import { monthIndex, monthStart } from '@shared/time';
import { valueAt } from './deal-state';
import { toMoney } from './money';
import { DealScope, frame, Members, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { stageView } from './stage-view';
import { candidatesAt, openVisitIndex } from './open-visits';
import { dealMask } from './scratch';

/** Default deal-size bands, in the workspace currency: 1,000,000 and 200,000 (a B2B default the manager edits). */
export const DEFAULT_BANDS = { large: 1_000_000, medium: 200_000 };

/**
 * Size and Shape (the 4S overview): the deals open at as-of (they exist, are not deleted,
 * and their stage at as-of is open), counted and valued at as-of by stage, by size band
 * and by product; and the same count and value at the end of each of the months before.
 *
 * Drill cells: `open`, `stage:<key>`, `band:<band>`, `product:<name>`, `open@<ISO instant>` (a
 * trend point: the deals open then).
 */
export function pipelineReport(
  s: Snapshot,
  scope: PipelineScope,
  now: number,
  members = new Members(null),
): PipelineReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const keep = new DealScope(s, w);
  const bands = scope.bands ?? DEFAULT_BANDS;
  const large = Math.round(bands.large * 100);
  const medium = Math.round(bands.medium * 100);
  const { product } = s.deals;
  const stageCounts = new Float64Array(view.open.length);
  const stageCents = new Float64Array(view.open.length);
  const bandCounts = new Float64Array(3);
  const bandCents = new Float64Array(3);
  const productCounts = new Map<number, [number, number]>();
  let open = 0;
  let cents = 0;
  const wanted = members.cell;

  // Only open-stage visits in progress at an instant count: the open-visit index finds
  // them without walking every deal. With a filter, its deals are marked once.
  const matches = keep.filters ? keep.mark(dealMask(s), s) : null;
  const openAt = (t: number, each: (d: number, code: number) => void) => {
    for (const tier of openVisitIndex(s)) {
      const { exit, deal, stage, deletedAt: gone } = tier;
      for (let [i, last] = candidatesAt(tier, t); i < last; i++)
        if (exit[i]! >= t && !(gone[i]! < t) && (!matches || matches[deal[i]!])) each(deal[i]!, stage[i]!);
    }
  };

  openAt(w.asOf, (d, code) => {
    const amount = valueAt(s.amount, d, w.asOf);
    const r = view.rank[code]!;
    const band = amount >= large ? 0 : amount >= medium ? 1 : 2;
    open++;
    cents += amount;
    stageCounts[r]!++;
    stageCents[r]! += amount;
    bandCounts[band]!++;
    bandCents[band]! += amount;
    const p = productCounts.get(product[d]!) ?? [0, 0];
    p[0]++;
    p[1] += amount;
    productCounts.set(product[d]!, p);
    if (
      wanted !== null &&
      (wanted === 'open' ||
        wanted === `stage:${view.open[r]!.key}` ||
        wanted === `band:${SIZE_BANDS[band]}` ||
        wanted === `product:${s.dictionaries.product.values[product[d]!]}`)
    )
      members.deals.push(d);
  });

  // The trend: the open pipeline at each month end before as-of, then at as-of.
  const months = scope.trendMonths ?? 12;
  const last = monthIndex(w.asOf - 1);
  const instants = Array.from({ length: months - 1 }, (_, k) => monthStart(last - (months - 2 - k))).filter(
    (t) => t < w.asOf,
  );
  instants.push(w.asOf);
  const trendOpen = new Float64Array(instants.length);
  const trendCents = new Float64Array(instants.length);
  const trendCells = instants.map((t) => `open@${new Date(t).toISOString()}`);
  const drillAt = wanted === null ? -1 : trendCells.indexOf(wanted);
  instants.forEach((t, k) =>
    openAt(t, (d) => {
      trendOpen[k]!++;
      trendCents[k]! += valueAt(s.amount, d, t);
      if (k === drillAt) members.deals.push(d);
    }),
  );
  const trend = instants.map((t, k) => ({
    at: new Date(t).toISOString(),
    open: trendOpen[k]!,
    amount: toMoney(trendCents[k]!),
  }));

  return {
    ...frame(w, s),
    open,
    amount: toMoney(cents),
    stages: view.open.map((st, r) => ({
      key: st.key,
      count: stageCounts[r]!,
      amount: toMoney(stageCents[r]!),
    })),
    bands: SIZE_BANDS.map((band: SizeBand, i) => ({
      band,
      count: bandCounts[i]!,
      amount: toMoney(bandCents[i]!),
    })),
    bandThresholds: bands,
    products: [...productCounts.entries()]
      .map(([code, [n, value]]) => ({
        product: s.dictionaries.product.values[code]!,
        count: n,
        amount: toMoney(value),
      }))
      .sort((a, b) => b.amount - a.amount),
    trend,
  };
}
