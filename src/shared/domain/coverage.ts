import type { ContactRole, CoverageGap } from '@shared/contract/plans';
import type { Stage } from './stages';

/**
 * Coverage of the buying centre (权力地图): who of the customer's side must have been met
 * by the deal's stage, for any stage model. Read over the model's open stages in funnel
 * order (n of them, the deal's at index i):
 *
 * - Vendor selection starts in the middle of the funnel, at index ⌊n/2⌋: the stages where
 *   the customer compares vendors and decides. For the default model (need, solution,
 *   proposal, negotiation, contract) that is proposal, negotiation and contract. From there
 *   on, no decision maker known is a gap, and so is every decision maker and every economic
 *   buyer nobody of ours has met.
 * - From the second open stage on (index ≥ 1: the default model's solution), a deal without
 *   a coach — someone inside who guides us — has a gap too, a softer one (`isSoftGap`).
 *
 * A closed deal, or one whose stage the model does not know, has no gaps: there is no visit
 * to prepare. Gaps come in a fixed order: decision maker, economic buyer, coach.
 */
export interface CoverageContact {
  id: number;
  name: string;
  role: ContactRole;
  met: boolean;
}

/** The index (among the open stages) from which the decision maker and economic buyer must be met. */
export const vendorSelectionFrom = (openCount: number): number => Math.floor(openCount / 2);

/** The index from which a coach is expected. */
export const COACH_FROM = 1;

export function coverageGaps(
  contacts: readonly CoverageContact[],
  dealStage: string,
  stages: readonly Pick<Stage, 'key' | 'order' | 'kind'>[],
): CoverageGap[] {
  const open = stages.filter((s) => s.kind === 'open').sort((a, b) => a.order - b.order);
  const index = open.findIndex((s) => s.key === dealStage);
  if (index < 0) return [];
  const gaps: CoverageGap[] = [];
  const gap = (kind: CoverageGap['kind'], c: CoverageContact | null) =>
    gaps.push({ kind, contactId: c?.id ?? null, contactName: c?.name ?? null });
  if (index >= vendorSelectionFrom(open.length)) {
    const deciders = contacts.filter((c) => c.role === 'decision_maker');
    if (deciders.length === 0) gap('no_decision_maker', null);
    for (const c of deciders) if (!c.met) gap('decision_maker_not_met', c);
    for (const c of contacts) if (c.role === 'economic_buyer' && !c.met) gap('economic_buyer_not_met', c);
  }
  if (index >= COACH_FROM && !contacts.some((c) => c.role === 'coach')) gap('no_coach', null);
  return gaps;
}

/** A missing coach weakens a deal; a decision maker nobody met can lose it. */
export const isSoftGap = (gap: Pick<CoverageGap, 'kind'>): boolean => gap.kind === 'no_coach';
