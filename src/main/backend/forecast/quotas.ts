import { chunks } from '../db/chunks';
import { all, run, type Db } from '../db/query';

export interface QuotaValues {
  quarter: string;
  /** Empty = the organisation's quota. */
  team: string;
  /** Empty = the team's quota. */
  owner: string;
  amountCents: number;
}

/** Sets these quotas (inside the caller's transaction); other quarters and scopes keep theirs. */
export function upsertQuotas(ws: Db, quotas: readonly QuotaValues[]): void {
  for (const batch of chunks(quotas)) {
    run(
      ws,
      ws.db
        .insertInto('quotas')
        .values(
          batch.map((q) => ({
            quarter: q.quarter,
            team: q.team,
            owner: q.owner,
            amount_cents: q.amountCents,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['quarter', 'team', 'owner'])
            .doUpdateSet((eb) => ({ amount_cents: eb.ref('excluded.amount_cents') })),
        ),
    );
  }
}

/** The stored quotas of some quarters (null: all), by quarter, team, owner. */
export function readQuotas(ws: Db, quarters: readonly string[] | null): QuotaValues[] {
  let q = ws.db.selectFrom('quotas').select(['quarter', 'team', 'owner', 'amount_cents']);
  if (quarters !== null) q = q.where('quarter', 'in', quarters.length ? [...quarters] : ['']);
  return all(ws, q.orderBy('quarter').orderBy('team').orderBy('owner')).map((r) => ({
    quarter: r.quarter,
    team: r.team,
    owner: r.owner,
    amountCents: r.amount_cents,
  }));
}

/** The quota editor's batch: amounts in the workspace currency, null removes the row. */
export function saveQuotas(
  ws: Db,
  quotas: readonly { quarter: string; team: string; owner: string; amount: number | null }[],
): { saved: number; removed: number } {
  const set = quotas.filter((q) => q.amount !== null);
  upsertQuotas(
    ws,
    set.map((q) => ({
      quarter: q.quarter,
      team: q.team,
      owner: q.owner,
      amountCents: Math.round(q.amount! * 100),
    })),
  );
  let removed = 0;
  for (const q of quotas) {
    if (q.amount !== null) continue;
    removed += run(
      ws,
      ws.db
        .deleteFrom('quotas')
        .where('quarter', '=', q.quarter)
        .where('team', '=', q.team)
        .where('owner', '=', q.owner),
    );
  }
  return { saved: set.length, removed };
}
