import { chunks } from '../db/chunks';
import { run, type Db } from '../db/query';

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
