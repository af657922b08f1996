import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppChannel, InputOf, ResultOf } from '@shared/contract';
import { renderApp } from './render';
import { withClosedHistory } from './support/win-history';
import { TestWorkbench } from './support/workbench';

// jsdom has no canvas: the range histogram is drawn by ECharts in the e2e run (its option
// is unit-tested); here the chart is its accessible name only.
vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** A money cell's amount in cents ("CN¥145,631,553.71" → 14563155371). */
const cents = (text: string | null | undefined) =>
  Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);
const toCents = (v: number) => Math.round(v * 100);

async function ask<K extends AppChannel>(backend: TestWorkbench, channel: K, input: InputOf<K>) {
  const r = await backend.invoke(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ResultOf<K>;
}

const figure = (id: string) => screen.getByTestId(`forecast-figure-${id}`).textContent;

/** Every figure on screen is the report's (and the range's, the model's) for the same question. */
async function expectFigures(
  backend: TestWorkbench,
  scope: { team?: string; owner?: string },
  quarter = '2026Q4',
) {
  const input = { ...scope, quarter };
  const report = await ask(backend, 'report.forecast', input);
  const range = await ask(backend, 'forecast.range', input);
  await waitFor(() => expect(cents(figure('commit'))).toBe(toCents(report.commit)));
  await waitFor(() => expect(cents(figure('simulation'))).toBe(toCents(range.p50)));
  expect(cents(figure('bestCase'))).toBe(toCents(report.bestCase));
  expect(cents(figure('pipeline'))).toBe(toCents(report.pipeline));
  expect(cents(figure('weighted'))).toBe(toCents(report.weighted));
  expect(cents(figure('historical'))).toBe(toCents(report.historical));
  expect(cents(screen.getByTestId('forecast-won-value').textContent)).toBe(toCents(report.wonAmount));
  expect(screen.getByTestId('forecast-detail-simulation').textContent).toMatch(
    /^P10 CN¥[\d,.]+ – P90 CN¥[\d,.]+$/,
  );
  return { report, range };
}

async function openForecast(app: Awaited<ReturnType<typeof renderApp>>) {
  await app.user.click(screen.getByTestId('nav-forecast'));
  return screen.findByTestId('view-forecast');
}

describe('Forecast view: the quarter', () => {
  it('shows the report’s figures, the range and the quota, then a team’s and a rep’s', async () => {
    const app = await renderApp();
    await ask(app.backend, 'quotas.save', {
      quotas: [
        { quarter: '2026Q4', team: '', owner: '', amount: 90_000_000 },
        { quarter: '2026Q4', team: 'East', owner: '', amount: 40_000_000 },
      ],
    });
    const view = await openForecast(app);
    expect(within(view).getByRole('heading', { level: 1, name: 'Forecast' })).toBeTruthy();
    await within(view).findByTestId('forecast-methods');
    const { report } = await expectFigures(app.backend, {});
    expect(report.quota).toBe(90_000_000);
    expect(cents(screen.getByTestId('forecast-quota-value').textContent)).toBe(toCents(90_000_000));
    expect(cents(screen.getByTestId('forecast-gap-value').textContent)).toBe(toCents(report.gap!));
    expect(screen.getByTestId('forecast-coverage-value').textContent).toBe(`${report.coverage!.toFixed(2)}×`);
    expect(screen.getByTestId('forecast-detail-weighted').textContent).toContain(
      (report.wonAmount + report.weighted).toLocaleString('en', { maximumFractionDigits: 2 }),
    );
    // Every open stage in the gap plan, with the report's amounts.
    const stages = within(screen.getByTestId('forecast-gap-plan')).getAllByTestId('forecast-gap-stage');
    expect(stages.map((s) => s.dataset.stage)).toEqual(report.gapPlan.map((g) => g.stage));
    expect(cents(within(stages[0]!).getAllByRole('cell')[0]!.textContent)).toBe(
      toCents(report.gapPlan[0]!.amount!),
    );
    expect(within(view).getByRole('img', { name: 'Likely range of 2026 Q4 (simulation)' })).toBeTruthy();
    // The plain dataset is too young for the model: it says so instead of a figure.
    await waitFor(() =>
      expect(screen.getByTestId('forecast-detail-model').textContent).toBe(
        'Not enough history yet to train the model.',
      ),
    );
    expect(figure('model')).toBe('—');

    // A team: the filters are the shared ones, written to the URL.
    await app.user.click(within(view).getByTestId('filter-team'));
    await app.user.click(await screen.findByRole('option', { name: 'East' }));
    await waitFor(() => expect(window.location.hash).toContain('team=East'));
    const east = await expectFigures(app.backend, { team: 'East' });
    expect(east.report.commit).not.toBe(report.commit);
    expect(cents(screen.getByTestId('forecast-quota-value').textContent)).toBe(toCents(40_000_000));

    // A rep of that team: no quota of their own, so none is shown (rows of other scopes never add up).
    await app.user.click(within(view).getByTestId('filter-owner'));
    await app.user.click(await screen.findByRole('option', { name: 'Zhang Min' }));
    const zhang = await expectFigures(app.backend, { team: 'East', owner: 'Zhang Min' });
    expect(zhang.report.quota).toBeNull();
    await waitFor(() => expect(screen.getByTestId('forecast-quota-value').textContent).toBe('No quota'));
    expect(screen.getByTestId('forecast-coverage-value').textContent).toBe('—');
    expect(screen.getByTestId('forecast-gap-plan-empty').textContent).toBe(
      'Without a quota for this scope there is no gap to plan for.',
    );
  }, 60_000);

  it('changes the quarter, and says so when nothing is won or due in it', async () => {
    const app = await renderApp();
    const view = await openForecast(app);
    await within(view).findByTestId('forecast-methods');
    await app.user.click(within(view).getByTestId('forecast-quarter'));
    await app.user.click(await screen.findByRole('option', { name: '2026 Q3' }));
    await waitFor(() => expect(window.location.hash).toContain('quarter=2026Q3'));
    await expectFigures(app.backend, {}, '2026Q3');
    expect(screen.getByTestId('view-subtitle').textContent).toBe(
      '2026 Q3 (Jul 1, 2026 – Sep 30, 2026), as of Nov 19, 2026',
    );

    // The dataset's close dates all fall in 2026: 2027 Q2 has nothing.
    await app.user.click(within(view).getByTestId('forecast-quarter'));
    await app.user.click(await screen.findByRole('option', { name: '2027 Q2' }));
    const empty = await within(view).findByTestId('forecast-empty');
    expect(within(empty).getByText('Nothing won or due in 2027 Q2')).toBeTruthy();
    expect(within(view).queryByTestId('forecast-methods')).toBeNull();
  }, 60_000);

  it('shows the win model as one more method when the history is long enough, in Chinese', async () => {
    const backend = withClosedHistory(
      await TestWorkbench.open({ deals: 200, preferences: { language: 'zh-CN', theme: 'light' } }),
    );
    const app = await renderApp(backend);
    const view = await openForecast(app);
    await within(view).findByTestId('forecast-methods');
    const model = await ask(backend, 'model.forecast', { quarter: '2026Q4' });
    expect(model.status).toBe('trained');
    await waitFor(() => expect(cents(figure('model'))).toBe(toCents(model.expected!)), { timeout: 10_000 });
    expect(within(view).getByRole('rowheader', { name: '赢单模型' })).toBeTruthy();
    expect(within(view).getByRole('heading', { level: 1, name: '预测' })).toBeTruthy();
  }, 60_000);

  it('takes a snapshot of the scope and lists it', async () => {
    const app = await renderApp();
    const view = await openForecast(app);
    const panel = await within(view).findByTestId('forecast-snapshots');
    await within(panel).findByText('No snapshot of 2026 Q4 for this scope yet.');
    await app.user.click(within(panel).getByTestId('forecast-take-snapshot'));
    await screen.findByText('Snapshot taken: what every method says today (Nov 19, 2026) about 2026 Q4.');
    const rows = await within(panel).findAllByTestId('forecast-snapshot');
    expect(rows).toHaveLength(1);
    const [taken] = await ask(app.backend, 'forecast.snapshots', { quarter: '2026Q4' });
    expect(app.backend.callsTo('forecast.snapshot')).toEqual([{}]);
    expect(within(rows[0]!).getByText('By hand')).toBeTruthy();
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain(`CN¥${(taken!.figures.commit! / 1e6).toFixed(1)}M`);
  }, 60_000);
});
