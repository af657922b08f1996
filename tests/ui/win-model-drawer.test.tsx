import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { withClosedHistory } from './support/win-history';
import { TestWorkbench } from './support/workbench';
import { renderApp, rows } from './render';

/**
 * The deal drawer's win probability against the real backend: the workspace gets two years
 * of closed deals before the imported pipeline so the model has a history to learn from,
 * then an open deal shows the model's probability, its stage's and the factors in words.
 */
async function openModelSection(language: 'en' | 'zh-CN') {
  const app = await renderApp(
    withClosedHistory(await TestWorkbench.open({ deals: 120, preferences: { language, theme: 'light' } })),
  );
  await app.user.click(rows()[0]!);
  const drawer = await screen.findByTestId('deal-drawer');
  const section = await within(drawer).findByTestId('deal-model');
  return { ...app, section };
}

describe('deal drawer: win probability (model)', () => {
  it('shows the model’s probability beside the stage’s and the factors that move it, in words', async () => {
    const { section } = await openModelSection('en');
    const probability = await within(section).findByTestId('deal-model-probability', {}, { timeout: 10_000 });
    expect(probability.textContent).toMatch(/^\d{1,3}%$/);
    expect(probability.getAttribute('aria-label')).toMatch(/^Model’s win probability: \d{1,3}%$/);
    expect(within(section).getByText(/^Stage probability \d+%$/)).toBeTruthy();
    expect(within(section).getByText(/won within 180 days/)).toBeTruthy();
    const factors = within(within(section).getByTestId('deal-model-factors')).getAllByRole('listitem');
    expect(factors).toHaveLength(5);
    for (const f of factors) expect(f.textContent).toMatch(/^[\w ].*[a-z].* \((raises|lowers) it\)$/);
    expect(factors.map((f) => f.getAttribute('data-factor'))).toContain('stage');
  }, 30_000);

  it('speaks Chinese', async () => {
    const { section } = await openModelSection('zh-CN');
    await within(section).findByTestId('deal-model-probability', {}, { timeout: 10_000 });
    expect(within(section).getByRole('heading', { name: '赢单概率（模型）' })).toBeTruthy();
    const factors = within(within(section).getByTestId('deal-model-factors')).getAllByRole('listitem');
    // Chinese brackets are full-width, with no space before them.
    for (const f of factors) expect(f.textContent).toMatch(/\S（(提高赢率|降低赢率)）$/);
  }, 30_000);

  it('says so when the model cannot be computed, and when there is no history to learn from', async () => {
    const backend = await TestWorkbench.open({ deals: 60 });
    // Twice: the app retries a failed query once.
    backend.failNext('model.deal', appError('internal', msg('deal_missing', { id: 'X' })), 2);
    const app = await renderApp(backend);
    await app.user.click(rows()[0]!);
    const section = await within(await screen.findByTestId('deal-drawer')).findByTestId('deal-model');
    expect((await within(section).findByRole('alert')).textContent).toMatch(/could not be computed/);
    // Reopened: the plain dataset's deals are all recent, too little history to train on.
    await app.user.click(rows()[1]!);
    await waitFor(() =>
      expect(within(screen.getByTestId('deal-model')).getByTestId('deal-model-status').textContent).toBe(
        'Not enough history yet to train the model.',
      ),
    );
  }, 30_000);
});
