import { describe, expect, it } from 'vitest';
import { migrations } from '@backend/db/migrations';
import { insert, migratedTo } from './support';

const NAME = '202612070301_forecast_assumptions';
const BEFORE = '202612060201_forecast_model_method';

const row = (extra: Record<string, unknown> = {}) => ({
  scope_team: '华东',
  name: 'conversion',
  value: 0.25,
  saved_at: 5,
  ...extra,
});

describe(`migration ${NAME}`, () => {
  it('creates the table of saved forecast assumptions, one value per scope, name and stage', async () => {
    expect(Object.keys(migrations)).toContain(NAME);
    const before = await migratedTo(BEFORE);
    expect(() => insert(before, 'forecast_assumptions', row())).toThrow(/no such table/);

    const sqlite = await migratedTo(NAME);
    insert(sqlite, 'forecast_assumptions', row());
    insert(sqlite, 'forecast_assumptions', row({ name: 'stageWinRate', stage: 'need', value: 0.3 }));
    insert(sqlite, 'forecast_assumptions', row({ name: 'stageWinRate', stage: 'proposal', value: 0.5 }));
    // The organisation's row beside the team's: the scope is part of the key.
    insert(sqlite, 'forecast_assumptions', row({ scope_team: '' }));
    expect(
      sqlite
        .prepare(
          `select scope_team, scope_owner, name, stage, value from forecast_assumptions order by 1, 3, 4`,
        )
        .all(),
    ).toEqual([
      { scope_team: '', scope_owner: '', name: 'conversion', stage: '', value: 0.25 },
      { scope_team: '华东', scope_owner: '', name: 'conversion', stage: '', value: 0.25 },
      { scope_team: '华东', scope_owner: '', name: 'stageWinRate', stage: 'need', value: 0.3 },
      { scope_team: '华东', scope_owner: '', name: 'stageWinRate', stage: 'proposal', value: 0.5 },
    ]);
    // One value per scope, name and stage.
    expect(() => insert(sqlite, 'forecast_assumptions', row({ value: 0.4 }))).toThrow(/UNIQUE/);
    expect(() => insert(sqlite, 'forecast_assumptions', row({ name: '' }))).toThrow(/CHECK/);
    // STRICT: text is refused in a number column, not stored.
    expect(() => insert(sqlite, 'forecast_assumptions', row({ name: 'slipRate', value: 'high' }))).toThrow(
      /cannot store TEXT/,
    );
    expect(() => insert(sqlite, 'forecast_assumptions', row({ name: 'slipRate', saved_at: null }))).toThrow(
      /NOT NULL/,
    );
  });
});
