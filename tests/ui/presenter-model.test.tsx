import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DealWinProbability, Language, Meeting } from '@shared/contract';
import { App } from '../../src/renderer/src/App';
import { withClosedHistory } from './support/win-history';
import { TestWorkbench } from './support/workbench';

/**
 * The presenter's deal slide with the win-probability model's figure, against the real
 * backend: a review of one open deal is saved and started, then the presenter opens on it.
 * With two years of closed deals behind the pipeline the slide shows the model's percent
 * beside the stage's (the same as model.deal) and the three largest factors, each said to
 * raise or lower it in words; without that history it shows nothing rather than a guess.
 */
async function presentOneDeal(backend: TestWorkbench) {
  const deal = backend.deals.find((d) => d.stage !== 'won' && d.stage !== 'lost')!;
  const value = async <T,>(channel: string, input: unknown): Promise<T> => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const meeting = await value<Meeting>('review.save', {
    scope: { team: deal.team },
    style: 'top',
    budgetMinutes: 30,
    title: 'Week 48',
    agenda: [{ kind: 'deal', dealId: deal.id }],
  });
  await value('review.start', { id: meeting.id });
  window.history.replaceState(null, '', `#/review?view=run&id=${meeting.id}`);
  render(<App transport={backend} env="test" />);
  const slide = await screen.findByTestId('deal-slide', {}, { timeout: 10_000 });
  return { deal, slide, model: () => value<DealWinProbability>('model.deal', { dealId: deal.id }) };
}

const withHistory = async (language: Language) =>
  withClosedHistory(await TestWorkbench.open({ deals: 120, preferences: { language, theme: 'light' } }));

describe("presenter: the deal slide's win probability (model)", () => {
  it('shows the model’s percent beside the stage’s, as model.deal says, and its three largest factors in words', async () => {
    const { slide, model } = await presentOneDeal(await withHistory('en'));
    const section = await within(slide).findByTestId('slide-model', {}, { timeout: 10_000 });
    const expected = await model();
    expect(expected.status).toBe('scored');
    expect(within(section).getByRole('heading', { name: 'Win probability (model)' })).toBeTruthy();
    expect(within(section).getByText(/^Model \d+% · stage \d+%$/).textContent).toBe(
      `Model ${Math.round(expected.probability! * 100)}% · stage ${Math.round(expected.stageProbability! * 100)}%`,
    );
    const factors = within(section).getAllByRole('listitem');
    expect(factors.map((f) => f.textContent)).toEqual(
      expected.factors
        .slice(0, 3)
        .map((f) => `${f.effect >= 0 ? '▲' : '▼'} ${f.words.en} (${f.effect >= 0 ? 'raises' : 'lowers'} it)`),
    );
  }, 30_000);

  it('speaks Chinese with full-width brackets', async () => {
    const { slide, model } = await presentOneDeal(await withHistory('zh-CN'));
    const section = await within(slide).findByTestId('slide-model', {}, { timeout: 10_000 });
    const expected = await model();
    expect(within(section).getByRole('heading', { name: '赢单概率（模型）' })).toBeTruthy();
    expect(within(section).getByText(/^模型 \d+% · 阶段 \d+%$/)).toBeTruthy();
    const factors = within(section).getAllByRole('listitem');
    expect(factors.map((f) => f.textContent)).toEqual(
      expected.factors
        .slice(0, 3)
        .map(
          (f) => `${f.effect >= 0 ? '▲' : '▼'} ${f.words.zh}（${f.effect >= 0 ? '提高赢率' : '降低赢率'}）`,
        ),
    );
    for (const f of factors) expect(f.textContent).not.toMatch(/[()]/);
  }, 30_000);

  it('shows no model figure when there is too little history to learn from', async () => {
    const backend = await TestWorkbench.open({ deals: 60 });
    const { slide, model } = await presentOneDeal(backend);
    // The slide asks first; its answer is in before ours (one backend, in order).
    await waitFor(() => expect(backend.callsTo('model.deal')).toHaveLength(1));
    expect((await model()).status).toBe('notEnoughHistory');
    await new Promise((r) => setTimeout(r, 50));
    expect(within(slide).getByTestId('slide-amount')).toBeTruthy();
    expect(within(slide).queryByTestId('slide-model')).toBeNull();
  }, 30_000);
});
