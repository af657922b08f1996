import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, HorizonsResult, SavedAssumptions } from '@shared/contract';
import { openWorkspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { DealWriter } from '@backend/deals/writer';
import { createBackend } from '@backend/index';
import { replaceStages } from '@backend/stages/model';
import { tempDir, track } from '../../support/temp';
import { call } from '../analytics/support';
import { assumption, NOW, STAGES, steadyHistory } from './horizons-support';

/**
 * Assumptions saved per scope: used by the horizons until changed or reset, beneath what a
 * call passes, kept in the workspace file, exactly the scope's (nothing is inherited).
 */
async function workspaceFile() {
  const path = join(tempDir(), 'workspace.db');
  const ws = track(await openWorkspace(path, { create: true }));
  ws.sqlite.transaction(() => {
    replaceStages(ws, STAGES);
    const writer = new DealWriter(ws, { source: 'csv', fresh: true });
    for (const d of steadyHistory({
      from: [2025, 1],
      to: [2026, 12],
      perMonth: () => 8,
      cycleDays: 20,
      amount: 900,
    })) {
      writer.write(
        {
          id: d.id,
          name: d.id,
          account: d.id,
          owner: d.owner,
          team: d.team,
          amountCents: d.amountCents,
          currency: 'CNY',
          stage: d.stage,
          createdAt: d.createdAt,
          closeDate: d.closeDate,
          forecastCategory: d.forecastCategory,
          lostReason: '',
          product: '',
          nextStep: d.nextStep,
          updatedAt: d.createdAt,
          lastActivityAt: null,
          deletedAt: null,
        },
        d.history.map((h) => ({ field: 'stage' as const, value: h.value, changedAt: h.changedAt })),
      );
    }
    writer.finish();
  })();
  const events: { event: EventName; payload: unknown }[] = [];
  const registry = createBackend(ws, (event, payload) => events.push({ event, payload }));
  return { path, ws, registry, events };
}

describe('saved forecast assumptions', () => {
  it('are used for their scope until edited again, beneath a call’s own, and reset to the history', async () => {
    const { registry, events } = await workspaceFile();
    const horizons = (input: object = {}) =>
      call<HorizonsResult>(registry, 'forecast.horizons', {
        asOf: NOW,
        team: 'East',
        horizon: 'year',
        ...input,
      });
    const derived = await horizons();
    expect(assumption(derived, 'creationRate')).toMatchObject({ overridden: null, saved: null });

    const saved = await call<SavedAssumptions>(registry, 'forecast.assumptions.save', {
      team: 'East',
      values: { creationRate: 50, stageWinRate: { half: 0.6 } },
    });
    expect(saved).toMatchObject({
      team: 'East',
      owner: null,
      values: { creationRate: 50, stageWinRate: { half: 0.6 } },
    });
    expect(saved.savedAt).not.toBeNull();
    expect(events).toContainEqual({ event: 'workspace.changed', payload: { reason: 'assumptions' } });

    const used = await horizons();
    expect(assumption(used, 'creationRate')).toMatchObject({
      value: 50,
      saved: 50,
      overridden: 'saved',
      derived: assumption(derived, 'creationRate').derived,
    });
    expect(assumption(used, 'stageWinRate', 'half')).toMatchObject({ value: 0.6, overridden: 'saved' });
    expect(horizon(used).total.fromNew).toBeGreaterThan(horizon(derived).total.fromNew * 2);
    // A call's own value wins over the saved one, which stays saved.
    expect(assumption(await horizons({ overrides: { creationRate: 7 } }), 'creationRate')).toMatchObject({
      value: 7,
      saved: 50,
      overridden: 'input',
    });
    // Exactly the scope's: the organisation and another team see the history.
    expect(assumption(await horizons({ team: undefined }), 'creationRate').overridden).toBeNull();
    expect((await call<SavedAssumptions>(registry, 'forecast.assumptions', {})).values).toEqual({});

    // null returns one value to the history; the others stay.
    await call(registry, 'forecast.assumptions.save', { team: 'East', values: { creationRate: null } });
    const one = await horizons();
    expect(assumption(one, 'creationRate')).toMatchObject({ overridden: null, saved: null });
    expect(assumption(one, 'stageWinRate', 'half').overridden).toBe('saved');

    const reset = await call<SavedAssumptions>(registry, 'forecast.assumptions.reset', { team: 'East' });
    expect(reset).toEqual({ team: 'East', owner: null, values: {}, savedAt: null });
    expect((await horizons()).assumptions).toEqual(derived.assumptions);
  });

  it('stay in the workspace file', async () => {
    const { path, ws, registry } = await workspaceFile();
    await call(registry, 'forecast.assumptions.save', {
      team: 'East',
      owner: 'Ann',
      values: { creationGrowth: 0.04, winRateTrend: -0.01, cycleDays: 45 },
    });
    await ws.close();
    const again = createBackend(track(await openWorkspace(path)));
    expect(
      (await call<SavedAssumptions>(again, 'forecast.assumptions', { team: 'East', owner: 'Ann' })).values,
    ).toEqual({ creationGrowth: 0.04, winRateTrend: -0.01, cycleDays: 45 });
    const r = await call<HorizonsResult>(again, 'forecast.horizons', {
      asOf: NOW,
      team: 'East',
      owner: 'Ann',
    });
    expect(assumption(r, 'creationGrowth')).toMatchObject({ value: 0.04, overridden: 'saved' });
    expect(assumption(r, 'cycleDays')).toMatchObject({ value: 45, derived: 20, overridden: 'saved' });
  });

  it('refuse a value out of bounds, an unknown name or a stage that is not open, and save nothing', async () => {
    const { registry } = await workspaceFile();
    const refusal = async (values: object) => {
      const r = await registry.dispatch('forecast.assumptions.save', { team: 'East', values }, 'cli');
      if (r.ok) throw new Error('accepted');
      return r.error.message;
    };
    expect(await refusal({ conversion: -0.1 })).toMatch(
      /^Invalid input for forecast\.assumptions\.save: values\.conversion: /,
    );
    expect(await refusal({ cycleDays: 0 })).toMatch(/values\.cycleDays/);
    expect(await refusal({ runRate: 3 })).toMatch(
      /^Invalid input for forecast\.assumptions\.save: values: .*"runRate"/,
    );
    expect(await refusal({ creationRate: 5, stageWinRate: { lost: 0.1 } })).toBe(
      'Stage "lost" is not an open stage of the stage model (open stages: early, half).',
    );
    expect((await call<SavedAssumptions>(registry, 'forecast.assumptions', { team: 'East' })).values).toEqual(
      {},
    );
    // A stage no longer in the model can still be cleared.
    await call(registry, 'forecast.assumptions.save', {
      team: 'East',
      values: { stageWinRate: { gone: null } },
    });
  });
});

describe('saved forecast assumptions of the demo company', () => {
  it('go with the demo when an import replaces it', async () => {
    const ws = track(await openWorkspace(join(tempDir(), 'demo.db'), { create: true }));
    generateDemo(ws, { deals: 300, seed: 3, today: '2026-11-20' });
    const registry = createBackend(ws);
    // The demo's team names could be the real company's: its edits must not carry over.
    await call(registry, 'forecast.assumptions.save', { values: { conversion: 0.3 } });
    const deals = [
      'id,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category,lost_reason,product,next_step,updated_at',
      'R1,Real deal,Real account,Ann,East,1000,CNY,need,2026-10-01T00:00:00Z,2026-12-15,,,,Call,2026-10-01T00:00:00Z',
    ].join('\n');
    await call(registry, 'import.apply', { files: { deals: { name: 'deals.csv', text: deals } } });
    expect((await call<SavedAssumptions>(registry, 'forecast.assumptions', {})).values).toEqual({});
  });
});

const horizon = (r: HorizonsResult) => r.horizons[0]!;
