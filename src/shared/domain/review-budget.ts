/**
 * How a review's time budget is shared out, in one place for the backend (which stores
 * each item's share) and the preparation screen (which shows it while the agenda is edited).
 */
/** Each slide's weight in the time budget: a rep's section twice a deal's, half a deal per follow-up. */
const WEIGHT = { deal: 1, rep: 2, followUp: 0.5 } as const;

/**
 * The time budget divided over the agenda: the follow-ups of earlier reviews (when there
 * are any) and each item by its weight. The shares add up to the budget.
 */
export function divideBudget(
  kinds: readonly ('deal' | 'rep')[],
  followUps: number,
  budgetMinutes: number,
): { followUps: number; items: number[] } {
  const total = kinds.reduce((sum, k) => sum + WEIGHT[k], 0) + followUps * WEIGHT.followUp;
  if (total === 0) return { followUps: 0, items: [] };
  const per = budgetMinutes / total;
  return { followUps: followUps * WEIGHT.followUp * per, items: kinds.map((k) => WEIGHT[k] * per) };
}
