import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForecastAccuracy } from '@shared/contract';
import { renderApp } from './render';
import { withClosedHistory } from './support/win-history';
import { TestWorkbench } from './support/workbench';

vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** The app (opened on the pipeline, as a manager starts) moved to the Accuracy tab. */
async function openAccuracy(backend?: TestWorkbench) {
  const app = await renderApp(backend);
  window.history.replaceState(null, '', '#/forecast?tab=accuracy');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  return app;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const signed = (v: number | null) =>
  v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '-' : ''}${Math.abs(v * 100).toFixed(1)}%`;

describe('Forecast view: accuracy', () => {
  it('shows each method’s MAPE and bias, per rep, and the model’s reliability, with progress meanwhile', async () => {
    const backend = withClosedHistory(await TestWorkbench.open({ deals: 200 }));
    // The backtest is held until the progress has been seen.
    let release!: () => void;
    backend.gates.set('forecast.accuracy', new Promise<void>((r) => (release = r)));
    await openAccuracy(backend);
    const progress = await screen.findByTestId('accuracy-progress');
    expect(progress.getAttribute('role')).toBe('status');
    expect(progress.textContent).toMatch(/^Replaying the past quarters: .* \d+ s$/);
    backend.gates.delete('forecast.accuracy');
    release();

    const table = await screen.findByTestId('accuracy-methods', {}, { timeout: 20_000 });
    const r = await backend.invoke('forecast.accuracy', {});
    if (!r.ok) throw new Error(r.error.message);
    const acc = r.value as ForecastAccuracy;
    expect(acc.accuracy.some((m) => m.n > 0)).toBe(true);
    const rows = within(table).getAllByTestId('accuracy-method');
    expect(rows.map((row) => row.dataset.method)).toEqual([
      'weighted',
      'commit',
      'historical',
      'simulation',
      'model',
    ]);
    for (const m of acc.accuracy) {
      const row = rows.find((x) => x.dataset.method === m.method)!;
      expect(within(row).getByTestId('accuracy-mape').textContent).toBe(pct(m.mape));
      expect(within(row).getByTestId('accuracy-bias').textContent).toBe(signed(m.bias));
    }
    // The closest method is said in words, and marked in the table.
    const best = acc.accuracy.filter((m) => m.mape !== null).sort((a, b) => a.mape! - b.mape!)[0]!;
    const bestRow = rows.find((x) => x.dataset.method === best.method)!;
    expect(within(bestRow).getByRole('rowheader').textContent).toMatch(/\(closest\)$/);
    expect(screen.getByTestId('accuracy-summary').textContent).toContain(
      `off by ${pct(best.mape)} on average`,
    );

    // Per rep: every rep of the scope with what they won over the replayed quarters.
    const reps = within(screen.getByTestId('accuracy-reps')).getAllByTestId('accuracy-rep');
    expect(reps.map((x) => x.dataset.owner).sort()).toEqual(acc.reps.map((x) => x.owner).sort());
    expect(screen.getByRole('img', { name: 'Error by weeks before the quarter’s end (MAPE)' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Each method 1 week before the quarter’s end against the amount won' }),
    ).toBeTruthy();

    // The win model's calibration beside the stage probabilities.
    const model = await screen.findByTestId('accuracy-model');
    expect(
      within(model).getByRole('img', { name: 'Win model reliability: predicted against won' }),
    ).toBeTruthy();
    expect(within(model).getByTestId('accuracy-model-calibration').textContent).toMatch(
      /^Mean gap between predicted and won: model \d+\.\d%, stage probabilities \d+\.\d%\.$/,
    );
    expect(screen.queryByTestId('accuracy-progress')).toBeNull();
  }, 90_000);

  it('says when there is not enough history for the backtest or the model, in Chinese too', async () => {
    const app = await openAccuracy();
    const empty = await screen.findByTestId('accuracy-empty', {}, { timeout: 20_000 });
    expect(within(empty).getByText('Not enough history for a backtest')).toBeTruthy();
    expect((await screen.findByTestId('accuracy-model-not-enough')).textContent).toMatch(
      /^Not enough history yet to train the win model/,
    );
    await app.user.click(screen.getByTestId('language-switch'));
    await waitFor(() => expect(within(empty).getByText('历史数据不足，无法回测')).toBeTruthy());
    expect(screen.getByRole('tab', { name: '准确度' }).getAttribute('aria-selected')).toBe('true');
  }, 60_000);
});
