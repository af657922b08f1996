import { first, type Db } from '../db/query';

/** What a plan and a buying centre read of their deal: its names, size and stage now. */
export interface DealFacts {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amountCents: number;
  stage: string;
  /** Deleted upstream (kept with its history; its plans and contacts stay). */
  deleted: boolean;
}

export function dealFacts(ws: Db, dealId: string): DealFacts | null {
  const row = first(
    ws,
    ws.db
      .selectFrom('deals')
      .select(['id', 'name', 'account', 'owner', 'team', 'amount_cents', 'stage', 'deleted_at'])
      .where('id', '=', dealId),
  );
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    account: row.account,
    owner: row.owner,
    team: row.team,
    amountCents: row.amount_cents,
    stage: row.stage,
    deleted: row.deleted_at !== null,
  };
}
