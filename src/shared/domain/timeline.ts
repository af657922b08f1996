/**
 * A deal's stage over time (PRODUCT.md, "Timeline of a deal"): from `createdAt` it is in
 * the stage of its earliest stage row (or its `stage` column when it has none), and it
 * moves at each stage row before `cutoff`, in time order (rows at one instant keep file
 * order); consecutive rows of one stage merge. The last visit has no exit.
 */
export interface StageRow {
  value: string;
  changedAt: number;
}

export interface Visit {
  stage: string;
  enteredAt: number;
  /** null for the visit the deal is still in at the cutoff. */
  exitedAt: number | null;
}

export function stageVisits(
  createdAt: number,
  stageColumn: string,
  rows: readonly StageRow[],
  cutoff = Number.POSITIVE_INFINITY,
): Visit[] {
  // Array.prototype.sort is stable: rows stamped at the same instant keep file order.
  const sorted = [...rows].sort((a, b) => a.changedAt - b.changedAt);
  let current = sorted[0]?.value ?? stageColumn;
  let entered = createdAt;
  const visits: Visit[] = [];
  for (const row of sorted) {
    if (row.changedAt >= cutoff) break;
    if (row.value === current) continue;
    // A row stamped before the deal existed counts as stamped at its creation.
    const at = Math.max(row.changedAt, createdAt);
    visits.push({ stage: current, enteredAt: entered, exitedAt: at });
    current = row.value;
    entered = at;
  }
  visits.push({ stage: current, enteredAt: entered, exitedAt: null });
  return visits;
}
