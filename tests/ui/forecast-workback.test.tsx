import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForecastReport, Workback } from '@shared/contract';
import { renderApp } from './render';

vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** A shared filter as the URL holds it. */
const filterInUrl = (name: string) => new URLSearchParams(window.location.hash.split('?')[1]).get(name);

const cents = (text: string | null | undefined) =>
  Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);

describe('Forecast view: working back from the target', () => {
  it('shows each stage’s need equal to the gap plan, the diagnosis, a typed target, the year, and a scope without a quota', async () => {
    const app = await renderApp();
    const saved = await app.backend.invoke('quotas.save', {
      quotas: [{ quarter: '2026Q4', team: '', owner: '', amount: 90_000_000 }],
    });
    expect(saved.ok).toBe(true);
    window.history.replaceState(null, '', '#/forecast?tab=workback');
    window.dispatchEvent(new HashChangeEvent('hashchange'));

    const stages = await screen.findByTestId('workback-stages', {}, { timeout: 20_000 });
    const r = await app.backend.invoke('report.forecast', { quarter: '2026Q4' });
    if (!r.ok) throw new Error(r.error.message);
    const report = r.value as ForecastReport;
    const rows = within(stages).getAllByTestId('workback-stage');
    expect(rows.map((x) => x.dataset.stage)).toEqual(report.gapPlan.map((g) => g.stage));
    rows.forEach((row, i) =>
      expect(cents(within(row).getByTestId('workback-need-amount').textContent)).toBe(
        Math.round(report.gapPlan[i]!.amount! * 100),
      ),
    );
    expect(screen.getByTestId('workback-sentence').textContent).toMatch(
      /^Target CN¥90,000,000 \(the scope’s quota\)/,
    );
    const w = await app.backend.invoke('forecast.workback', { period: '2026Q4' });
    if (!w.ok) throw new Error(w.error.message);
    const findings = within(screen.getByTestId('workback-findings')).getAllByRole('listitem');
    expect(findings.map((f) => f.textContent)).toEqual((w.value as Workback).findings.map((f) => f.words.en));
    expect(within(screen.getByTestId('workback-rows')).getAllByTestId('workback-row')).toHaveLength(3);

    // Each stage's shortfall in deals beside the amount, to one decimal as the note says.
    const wv = w.value as Workback;
    rows.forEach((row, i) => {
      const short = wv.stages[i]!.shortDeals;
      expect(within(row).getByTestId('workback-short-deals').textContent).toBe(
        short === null ? '—' : short.toFixed(1),
      );
    });
    expect(within(stages).getByRole('columnheader', { name: 'Short (deals)' })).toBeTruthy();
    expect(screen.getByTestId('workback-deals-note').textContent).toMatch(/one decimal/);

    // Another target, typed in: asked for once, when typing stops, not at each keystroke;
    // meanwhile the previous figures stay, said to be out of date.
    const before = app.backend.callsTo('forecast.workback').length;
    await app.user.type(screen.getByRole('textbox', { name: 'Target' }), '120000000');
    expect(screen.getByTestId('workback-updating').textContent).toMatch(/^Updating…/);
    expect(screen.getByTestId('workback-figures').dataset.stale).toBe('true');
    await waitFor(() =>
      expect(screen.getByTestId('workback-sentence').textContent).toMatch(
        /^Target CN¥120,000,000 \(typed in\)/,
      ),
    );
    expect(app.backend.callsTo('forecast.workback').slice(before)).toEqual([
      expect.objectContaining({ period: '2026Q4', target: 120_000_000 }),
    ]);
    expect(screen.getByTestId('workback-updating').textContent).toBe('');
    expect(screen.getByTestId('workback-figures').dataset.stale).toBeUndefined();

    // An answer that arrives after the one for a later target is not shown.
    const invoke = vi.spyOn(app.backend, 'invoke');
    let release!: () => void;
    app.backend.gates.set('forecast.workback', new Promise<void>((r) => (release = r)));
    const field = screen.getByRole('textbox', { name: 'Target' });
    await app.user.clear(field);
    await app.user.type(field, '50000000{Enter}');
    await waitFor(() =>
      expect(app.backend.callsTo('forecast.workback').at(-1)).toMatchObject({ target: 50_000_000 }),
    );
    const lateCall = invoke.mock.calls.findLastIndex(
      ([channel, input]) =>
        channel === 'forecast.workback' && (input as { target?: number }).target === 50_000_000,
    );
    const late = invoke.mock.results[lateCall]!.value as Promise<unknown>;
    app.backend.gates.delete('forecast.workback');
    await app.user.clear(field);
    await app.user.type(field, '70000000{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('workback-sentence').textContent).toMatch(
        /^Target CN¥70,000,000 \(typed in\)/,
      ),
    );
    release();
    await late;
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('workback-sentence').textContent).toMatch(/^Target CN¥70,000,000 \(typed in\)/);
    expect(screen.getByTestId('workback-figures').dataset.stale).toBeUndefined();
    invoke.mockRestore();
    await app.user.clear(field);
    await app.user.type(field, '120000000{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('workback-sentence').textContent).toMatch(
        /^Target CN¥120,000,000 \(typed in\)/,
      ),
    );
    await app.user.click(screen.getByRole('radio', { name: 'The year 2026' }));
    await waitFor(() =>
      expect(app.backend.callsTo('forecast.workback').at(-1)).toMatchObject({ period: '2026' }),
    );

    // A team's row narrows the screen to that team (the shared filters), then a rep's to the rep.
    const teamRows = within(screen.getByTestId('workback-rows')).getAllByTestId('workback-row');
    const team = within(teamRows[0]!).getByTestId('workback-row-narrow');
    const teamName = team.textContent!;
    expect(team.getAttribute('aria-label')).toBe(`Show only ${teamName}`);
    team.focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(filterInUrl('team')).toBe(teamName));
    await waitFor(() =>
      expect(app.backend.callsTo('forecast.workback').at(-1)).toMatchObject({
        period: '2026',
        team: teamName,
      }),
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Each rep' })).toBeTruthy());
    const repRow = within(screen.getByTestId('workback-rows')).getAllByTestId('workback-row')[0]!;
    const rep = within(repRow).getByTestId('workback-row-narrow').textContent!;
    await app.user.click(within(repRow).getAllByRole('cell')[0]!);
    await waitFor(() =>
      expect(app.backend.callsTo('forecast.workback').at(-1)).toMatchObject({ team: teamName, owner: rep }),
    );
    expect(filterInUrl('owner')).toBe(rep);
    await waitFor(() => expect(screen.queryByTestId('workback-rows')).toBeNull());

    // A team without a quota: no target, said as such, with the way to set one.
    await app.user.clear(screen.getByRole('textbox', { name: 'Target' }));
    await app.user.click(screen.getByTestId('filter-team'));
    await app.user.click(await screen.findByRole('option', { name: 'West' }));
    await waitFor(() =>
      expect(screen.getByTestId('workback-sentence').textContent).toBe(
        'There is no quota for this scope in 2026: set one, or type a target above, to see what each stage must hold.',
      ),
    );
    await app.user.click(screen.getByTestId('workback-set-quota'));
    await screen.findByTestId('quota-add');
  }, 90_000);
});
