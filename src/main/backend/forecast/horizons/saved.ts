import {
  ASSUMPTION_KEYS,
  type AssumptionKey,
  type AssumptionsSave,
  type AssumptionValues,
  type SavedAssumptions,
} from '@shared/contract';
import { all, run, type Db } from '../../db/query';

/** A scope as stored: empty team and owner = the organisation's, empty owner = the team's. */
export interface StoredScope {
  team: string;
  owner: string;
}

export const storedScope = (scope: {
  team?: string | undefined;
  owner?: string | undefined;
}): StoredScope => ({
  team: scope.team ?? '',
  owner: scope.owner ?? '',
});

const isKey = (name: string): name is AssumptionKey => (ASSUMPTION_KEYS as readonly string[]).includes(name);

/** What is saved for exactly this scope (a name this build does not know is left out). */
export function readSaved(ws: Db, scope: StoredScope): SavedAssumptions {
  const rows = all(
    ws,
    ws.db
      .selectFrom('forecast_assumptions')
      .select(['name', 'stage', 'value', 'saved_at'])
      .where('scope_team', '=', scope.team)
      .where('scope_owner', '=', scope.owner)
      .orderBy('name')
      .orderBy('stage'),
  );
  const values: AssumptionValues = {};
  let savedAt = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    if (!isKey(row.name)) continue;
    savedAt = Math.max(savedAt, row.saved_at);
    if (row.name === 'stageWinRate') (values.stageWinRate ??= {})[row.stage] = row.value;
    else values[row.name] = row.value;
  }
  return {
    team: scope.team || null,
    owner: scope.owner || null,
    values,
    savedAt: Number.isFinite(savedAt) ? new Date(savedAt).toISOString() : null,
  };
}

/**
 * Saves the named values for the scope in the caller's transaction: a number replaces what
 * was saved, null removes it (back to the derived value); names not given keep theirs.
 */
export function saveAssumptions(
  ws: Db,
  scope: StoredScope,
  values: AssumptionsSave['values'],
  at: number,
): void {
  const rows: { name: AssumptionKey; stage: string; value: number | null }[] = [];
  for (const key of ASSUMPTION_KEYS) {
    if (key === 'stageWinRate') {
      for (const [stage, value] of Object.entries(values.stageWinRate ?? {}))
        rows.push({ name: key, stage, value });
    } else if (values[key] !== undefined) rows.push({ name: key, stage: '', value: values[key] });
  }
  for (const { name, stage, value } of rows) {
    if (value === null) {
      run(
        ws,
        ws.db
          .deleteFrom('forecast_assumptions')
          .where('scope_team', '=', scope.team)
          .where('scope_owner', '=', scope.owner)
          .where('name', '=', name)
          .where('stage', '=', stage),
      );
      continue;
    }
    run(
      ws,
      ws.db
        .insertInto('forecast_assumptions')
        .values({
          scope_team: scope.team,
          scope_owner: scope.owner,
          name,
          stage,
          value,
          saved_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['scope_team', 'scope_owner', 'name', 'stage']).doUpdateSet({ value, saved_at: at }),
        ),
    );
  }
}

/** Removes everything saved for the scope: every assumption back to its derived value. */
export function resetAssumptions(ws: Db, scope: StoredScope): void {
  run(
    ws,
    ws.db
      .deleteFrom('forecast_assumptions')
      .where('scope_team', '=', scope.team)
      .where('scope_owner', '=', scope.owner),
  );
}
