import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HorizonForecast, HorizonsInput, HorizonsResult, SavedAssumptions } from '@shared/contract';
import { appError } from '@shared/result';
import { msg } from '@shared/messages';
import { renderApp } from './render';
import { withClosedHistory } from './support/win-history';
import { TestWorkbench } from './support/workbench';

// jsdom has no canvas: the horizon chart is drawn in the e2e run (its option is unit-tested);
// here it is its accessible name only.
vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** A money cell's amount in whole units ("CN¥64,816,412" → 64816412). */
const amount = (text: string | null | undefined) => Number((text ?? '').replace(/[^\d.-]/g, ''));

async function ask<T>(backend: TestWorkbench, channel: string, input: unknown): Promise<T> {
  const r = await backend.invoke(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** The app moved to Forecast ▸ Horizons (with more of the URL when given). */
async function openHorizons(backend: TestWorkbench, query = '') {
  const app = await renderApp(backend);
  window.history.replaceState(null, '', `#/forecast?tab=horizons${query}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  return app;
}

/** What the tab last asked, asked again: the figures the screen must show. */
async function lastAnswer(backend: TestWorkbench): Promise<{ input: HorizonsInput; result: HorizonsResult }> {
  const input = backend.callsTo('forecast.horizons').at(-1)!;
  return { input, result: await ask<HorizonsResult>(backend, 'forecast.horizons', input) };
}

/** Every period row, the total row and the headline say exactly the channel's figures. */
function expectFigures(forecast: HorizonForecast) {
  const table = screen.getByTestId('horizon-periods');
  const rows = within(table).getAllByTestId('horizon-period');
  expect(rows.map((r) => r.dataset.period)).toEqual(forecast.periods.map((p) => p.period));
  const check = (row: HTMLElement, f: HorizonForecast['total']) => {
    const cell = (id: string) => amount(within(row).getByTestId(`horizon-cell-${id}`).textContent);
    expect(cell('expected')).toBe(Math.round(f.expected));
    expect(cell('won')).toBe(Math.round(f.wonSoFar));
    expect(cell('open')).toBe(Math.round(f.fromOpen));
    expect(cell('new')).toBe(Math.round(f.fromNew));
    const range = within(row).getByTestId('horizon-cell-range').textContent!.split(' – ').map(amount);
    expect(range).toEqual([Math.round(f.p10), Math.round(f.p90)]);
  };
  forecast.periods.forEach((p, i) => check(rows[i]!, p));
  check(within(table).getByTestId('horizon-total'), forecast.total);
  expect(amount(screen.getByTestId('horizon-expected-value').textContent)).toBe(
    Math.round(forecast.total.expected),
  );
}

const assumptionRow = (key: string) =>
  screen.getAllByTestId('horizon-assumption').find((r) => r.dataset.key === key)!;

describe('Forecast view: horizons', () => {
  it('shows the channel’s figures, applies an edited assumption, saves it for the scope and resets it', async () => {
    const backend = withClosedHistory(await TestWorkbench.open({ deals: 400 }));
    const app = await openHorizons(backend);
    await screen.findByTestId('horizon-periods', {}, { timeout: 20_000 });

    // The manager's year by default, by month, as the channel says.
    const year = await lastAnswer(backend);
    expect(year.input).toMatchObject({ horizon: 'year' });
    expect(year.input.overrides).toBeUndefined();
    expectFigures(year.result.horizons[0]!);
    // The horizons start at the as-of day: no quarter to pick here.
    expect(screen.queryByTestId('forecast-quarter')).toBeNull();
    expect(screen.getByRole('radio', { name: '1 year the manager’s plan' })).toHaveProperty('checked', true);

    // The director's three years, by quarter, with the trends among the assumptions.
    await app.user.click(screen.getByRole('radio', { name: '3 years the director’s plan' }));
    await waitFor(() =>
      expect(backend.callsTo('forecast.horizons').at(-1)).toMatchObject({ horizon: 'threeYears' }),
    );
    await waitFor(() => expect(screen.getAllByTestId('horizon-period')).toHaveLength(12));
    const three = await lastAnswer(backend);
    expectFigures(three.result.horizons[0]!);
    expect(window.location.hash).toContain('horizon=threeYears');
    const growth = three.result.assumptions.find((a) => a.key === 'creationGrowth')!;
    const row = assumptionRow('creationGrowth');
    expect(within(row).getByRole('rowheader').textContent).toContain('New-deal growth per quarter');
    expect(within(row).getByTestId('horizon-assumption-derivation').textContent).toMatch(
      /^Trend of the deals created per quarter over \d+ complete quarters/,
    );

    // An edit out of bounds is said at the field and nothing is asked.
    const field = within(row).getByRole('textbox', { name: 'New-deal growth per quarter (% a quarter)' });
    const calls = backend.callsTo('forecast.horizons').length;
    await app.user.clear(field);
    await app.user.type(field, '300');
    expect(within(row).getByText('Enter a value from -50 to 100 (% a quarter).')).toBeTruthy();
    await app.user.click(screen.getByTestId('horizon-apply'));
    expect(await screen.findByText('Some values cannot be used: see the fields marked in red.')).toBeTruthy();
    expect(backend.callsTo('forecast.horizons')).toHaveLength(calls);

    // A growth of 25% a quarter, applied with Enter: asked as an override, the figures follow.
    await app.user.clear(field);
    await app.user.type(field, '25');
    expect(screen.getByTestId('horizon-assumptions-status').textContent).toBe('1 edit not applied yet');
    await app.user.type(field, '{Enter}');
    await waitFor(() => expect(assumptionRow('creationGrowth').dataset.overridden).toBe('input'));
    const whatIf = await lastAnswer(backend);
    expect(whatIf.input.overrides).toEqual({ creationGrowth: 0.25 });
    expectFigures(whatIf.result.horizons[0]!);
    expect(whatIf.result.horizons[0]!.total.fromNew).toBeGreaterThan(three.result.horizons[0]!.total.fromNew);
    expect(screen.getByTestId('horizon-assumptions-status').textContent).toBe(
      'The forecast uses 1 what-if value',
    );
    expect(within(assumptionRow('creationGrowth')).getByText('What-if (not saved)')).toBeTruthy();
    expect(
      within(assumptionRow('creationGrowth')).getByText(/^History: [+−-]?\d+\.\d% a quarter$/),
    ).toBeTruthy();
    expect(growth.overridden).toBeNull();

    // Saved for the scope: the forecast reads it without an override.
    await app.user.click(screen.getByTestId('horizon-save'));
    expect(await screen.findByText('1 assumption saved for the whole organisation.')).toBeTruthy();
    const saved = await ask<SavedAssumptions>(backend, 'forecast.assumptions', {});
    expect(saved.values).toEqual({ creationGrowth: 0.25 });
    await waitFor(() => expect(assumptionRow('creationGrowth').dataset.overridden).toBe('saved'));
    const afterSave = await lastAnswer(backend);
    expect(afterSave.input.overrides).toBeUndefined();
    expectFigures(afterSave.result.horizons[0]!);
    expect(afterSave.result.horizons[0]!.total.expected).toBe(whatIf.result.horizons[0]!.total.expected);
    expect(within(assumptionRow('creationGrowth')).getByText('Saved for this scope')).toBeTruthy();

    // Reset asks first: Escape keeps the saved value, confirming removes it.
    await app.user.click(screen.getByTestId('horizon-reset'));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the assumptions to the history?' });
    expect(dialog.textContent).toContain('The 1 value saved for the whole organisation will be removed');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await ask<SavedAssumptions>(backend, 'forecast.assumptions', {})).values).toEqual({
      creationGrowth: 0.25,
    });
    await app.user.click(screen.getByTestId('horizon-reset'));
    await app.user.click(await screen.findByTestId('horizon-reset-confirm-button'));
    expect(
      await screen.findByText('Every assumption of the whole organisation is back to the history’s value.'),
    ).toBeTruthy();
    expect((await ask<SavedAssumptions>(backend, 'forecast.assumptions', {})).values).toEqual({});
    await waitFor(() => expect(assumptionRow('creationGrowth').dataset.overridden).toBe('no'));
    await waitFor(() =>
      expect(amount(screen.getByTestId('horizon-expected-value').textContent)).toBe(
        Math.round(three.result.horizons[0]!.total.expected),
      ),
    );
  }, 120_000);

  it('keeps a team’s saved win rate to the team, and says it in Chinese', async () => {
    const backend = withClosedHistory(await TestWorkbench.open({ deals: 400 }));
    const app = await openHorizons(backend, '&team=East&horizon=quarter');
    await screen.findByTestId('horizon-periods', {}, { timeout: 20_000 });
    const quarter = await lastAnswer(backend);
    expect(quarter.input).toMatchObject({ team: 'East', horizon: 'quarter' });
    expect(screen.getAllByTestId('horizon-period')).toHaveLength(3);
    expectFigures(quarter.result.horizons[0]!);

    // A stage's win rate, saved straight from the field: it is East's alone.
    const stageRows = screen
      .getAllByTestId('horizon-assumption')
      .filter((r) => r.dataset.key === 'stageWinRate');
    expect(stageRows.length).toBeGreaterThan(0);
    const first = stageRows[0]!;
    const stage = first.dataset.stage!;
    const field = within(first).getByRole('textbox');
    await app.user.clear(field);
    await app.user.type(field, '90');
    await app.user.click(screen.getByTestId('horizon-save'));
    expect(await screen.findByText('1 assumption saved for team East.')).toBeTruthy();
    expect((await ask<SavedAssumptions>(backend, 'forecast.assumptions', { team: 'East' })).values).toEqual({
      stageWinRate: { [stage]: 0.9 },
    });
    expect((await ask<SavedAssumptions>(backend, 'forecast.assumptions', {})).values).toEqual({});

    // In Chinese: the switch, the names and the derivations in the backend's words.
    await app.user.click(screen.getByTestId('language-switch'));
    expect(await screen.findByRole('tab', { name: '多期预测' })).toHaveProperty('ariaSelected', 'true');
    expect(screen.getByRole('radio', { name: '3 个月 销售代表的计划' })).toHaveProperty('checked', true);
    const zhRow = screen.getAllByTestId('horizon-assumption').find((r) => r.dataset.stage === stage)!;
    expect(within(zhRow).getByText('已为此范围保存')).toBeTruthy();
    expect(within(zhRow).getByRole('rowheader').textContent).toMatch(/^本阶段赢单率：/);
    expect(within(zhRow).getByTestId('horizon-assumption-derivation').textContent).toMatch(
      /^基准日前 365 天内/,
    );

    // Back to the history's value for that stage alone.
    await app.user.click(within(zhRow).getByRole('button', { name: /改用历史值$/ }));
    await waitFor(async () =>
      expect((await ask<SavedAssumptions>(backend, 'forecast.assumptions', { team: 'East' })).values).toEqual(
        {},
      ),
    );
  }, 120_000);

  it('says it is working, a failure, and a scope without history', async () => {
    const backend = await TestWorkbench.open({ deals: 200 });
    let release!: () => void;
    backend.gates.set('forecast.horizons', new Promise<void>((r) => (release = r)));
    backend.failNext(
      'forecast.horizons',
      appError('invalid_input', msg('horizons_stage_not_open', { stage: 'won', keys: 'need' })),
      2, // the app retries a failed read once
    );
    await openHorizons(backend);
    const status = await screen.findByTestId('horizon-computing');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Forecasting…');
    backend.gates.delete('forecast.horizons');
    release();
    expect(
      await screen.findByText(
        /^The report could not be computed: Stage "won" is not an open stage/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();

    // A team with no deal at all: said so, and the assumptions stay to plan by hand.
    window.history.replaceState(null, '', '#/forecast?tab=horizons&team=Nowhere');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const empty = await screen.findByTestId('horizon-empty', {}, { timeout: 20_000 });
    expect(within(empty).getByText('No history in this scope')).toBeTruthy();
    expect(screen.queryByTestId('horizon-periods')).toBeNull();
    expect(screen.getAllByTestId('horizon-assumption').length).toBeGreaterThan(0);
  }, 90_000);
});
