import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './render';
import type { TestWorkbench } from './support/workbench';

// jsdom has no canvas: the lift chart is drawn by ECharts in the e2e run (its option is
// unit-tested); here the chart is its accessible name only.
vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** The digits of a money cell ("CN¥1,988,000" → 1988000). */
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/**
 * The UI dataset closes every tenth deal, won and lost in turn, all within the last 40
 * days (this quarter). Chen Jie mentors 40 won deals; Li Wei three closed deals.
 */
async function tagged(backend: TestWorkbench) {
  const closed = backend.deals.filter((d) => d.stage === 'won' || d.stage === 'lost');
  const chen = closed.filter((d) => d.stage === 'won').slice(0, 40);
  const li = closed.filter((d) => !chen.includes(d)).slice(0, 3);
  await backend.invoke('mentors.tag', { mentor: 'Chen Jie', sharePct: 20, dealIds: chen.map((d) => d.id) });
  await backend.invoke('mentors.tag', { mentor: 'Li Wei', sharePct: 10, dealIds: li.map((d) => d.id) });
  return { closed, chen, li };
}

async function openMentors(app: Awaited<ReturnType<typeof renderApp>>) {
  await app.user.click(screen.getByTestId('nav-mentors'));
  return screen.findByTestId('view-mentors');
}

describe('Mentors view', () => {
  it('shows per mentor the deals, wins, amounts and share per quarter, and the lift with its interval', async () => {
    const app = await renderApp();
    const { closed, chen, li } = await tagged(app.backend);
    const view = await openMentors(app);
    const table = await within(view).findByTestId('mentors-table');

    const row = (mentor: string) =>
      within(table)
        .getAllByTestId('mentor-row')
        .find((r) => r.dataset.mentor === mentor)!;
    const cells = (mentor: string) =>
      within(row(mentor))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    await waitFor(() => expect(within(table).getAllByTestId('mentor-row')).toHaveLength(2));
    const chenWon = chen.reduce((s, d) => s + d.amount, 0);
    const [deals, won, wonAmount, share, open] = cells('Chen Jie');
    expect([deals, won, open]).toEqual(['40', '40', '0']);
    expect(digits(wonAmount!)).toBe(chenWon);
    expect(digits(share!)).toBe(Math.round(chenWon * 0.2));
    // One mentor with three deals: no difference claimed.
    expect(within(row('Li Wei')).getByTestId('mentor-lift').textContent).toBe('Not enough data');
    expect(within(row('Chen Jie')).getByTestId('mentor-lift').textContent).toMatch(
      /^\+\d+\.\d pts \(95% interval \+\d+\.\d pts – \+\d+\.\d pts\)$/,
    );

    // Per quarter of the close: every deal closed this quarter, the total the same.
    const quarters = within(view).getByTestId('mentor-quarters');
    expect(
      within(quarters)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Mentor', '2026 Q4', 'Total']);
    const liWon = li.filter((d) => d.stage === 'won').reduce((s, d) => s + d.amount, 0);
    const quarterRow = (mentor: string) =>
      within(quarters)
        .getAllByRole('row')
        .find((r) => r.getAttribute('data-mentor') === mentor)!;
    expect(
      within(quarterRow('Chen Jie'))
        .getAllByRole('cell')
        .map((c) => digits(c.textContent)),
    ).toEqual([Math.round(chenWon * 0.2), Math.round(chenWon * 0.2)]);
    expect(digits(within(quarterRow('Li Wei')).getAllByRole('cell').at(-1)!.textContent)).toBe(
      Math.round(liWon * 0.1),
    );

    // The headline lift: 43 mentored closed deals against the other closed ones of the
    // same size bands; the sentence claims a direction only since the interval excludes 0.
    const winRate = within(view).getByTestId('lift-winRate');
    const sentence = within(winRate).getByTestId('lift-winRate-sentence').textContent!;
    const m =
      /^Mentored deals won (\d+\.\d) points more often than comparable ones \(95% interval (\d+\.\d) to (\d+\.\d) points\)\.$/.exec(
        sentence,
      );
    expect(m).not.toBeNull();
    const [estimate, low, high] = m!.slice(1).map(Number);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(estimate!);
    expect(high).toBeGreaterThan(estimate!);
    const figures = within(winRate).getByTestId('lift-winRate-figures').textContent!;
    const mentoredClosed = chen.length + li.length;
    const mentoredWon = chen.length + li.filter((d) => d.stage === 'won').length;
    expect(figures).toContain(`${mentoredClosed} closed, ${mentoredWon} won`);
    expect(figures).toContain(`${((mentoredWon / mentoredClosed) * 100).toFixed(1)}%`);
    // The comparable side: closed deals nobody mentors (a subset of them, same cells).
    const comparable = /Comparable unmentored.*?(\d+) closed, (\d+) won/.exec(figures)!;
    expect(Number(comparable[1])).toBeGreaterThanOrEqual(20);
    expect(Number(comparable[1])).toBeLessThanOrEqual(closed.length - mentoredClosed);
    expect(within(winRate).getByRole('img', { name: 'Win rate' })).toBeTruthy();
    expect(within(view).getByText(/Bootstrap: 2,000 resamples, seed \d+/)).toBeTruthy();
    // Every deal here closes 30 days after it was created: the cycle is the same on both sides.
    expect(within(view).getByTestId('lift-cycle-sentence').textContent).toBe(
      'Mentored and comparable deals come out the same (95% interval of the difference 0.0 d to 0.0 d): no difference is claimed.',
    );

    // A mentor's deals, from the name; the drill lives in the URL.
    await app.user.click(within(row('Li Wei')).getByRole('button', { name: 'Deals of Li Wei' }));
    const drill = await within(view).findByTestId('mentor-deals');
    await waitFor(() => expect(within(drill).getAllByTestId('mentor-deal-row')).toHaveLength(3));
    expect(window.location.hash).toContain('mentor=Li+Wei');
    expect(
      within(drill)
        .getAllByTestId('mentor-deal-row')
        .map((r) => r.dataset.dealId)
        .sort(),
    ).toEqual(li.map((d) => d.id).sort());
    // A closed deal's outcome is said once, in the stage column (not again beside it).
    for (const r of within(drill).getAllByTestId('mentor-deal-row')) {
      const deal = li.find((d) => d.id === r.dataset.dealId)!;
      const outcome = deal.stage === 'won' ? 'Won' : 'Lost';
      expect(within(r).getByTestId('mentor-deal-stage').textContent).toBe(outcome);
      expect(r.textContent!.match(/Won|Lost/g)).toEqual([outcome]);
    }
    expect(
      within(drill)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Deal', 'Owner', 'Stage', 'Amount', 'Share', 'Closed', 'Share earned']);
  });

  it('says "not enough data" below the minimum sample, with the counts it needs, and claims nothing', async () => {
    const app = await renderApp();
    const won = app.backend.deals.filter((d) => d.stage === 'won').slice(0, 5);
    await app.backend.invoke('mentors.tag', {
      mentor: 'Chen Jie',
      sharePct: 15,
      dealIds: won.map((d) => d.id),
    });
    const view = await openMentors(app);
    const notEnough = await within(view).findByTestId('lift-winRate-not-enough');
    expect(within(notEnough).getByText('Not enough data yet')).toBeTruthy();
    expect(notEnough.textContent).toMatch(
      /needs at least 20 closed deals on each side; there are 5 mentored and \d+ comparable\. No difference is claimed/,
    );
    expect(within(view).getByTestId('lift-cycle-not-enough').textContent).toMatch(
      /needs at least 10 won deals on each side; there are 5 mentored/,
    );
    expect(within(view).queryByTestId('lift-winRate-sentence')).toBeNull();
    expect(within(view).queryByTestId('lift-winRate-chart')).toBeNull();
    // The payroll figures are still there.
    expect(
      within(view)
        .getAllByTestId('mentor-row')
        .map((r) => r.dataset.mentor),
    ).toEqual(['Chen Jie']);
  });

  it('explains mentoring when nobody is tagged, and says so in Chinese too', async () => {
    const app = await renderApp();
    const view = await openMentors(app);
    const empty = await within(view).findByTestId('mentors-empty');
    expect(within(empty).getByText('No mentor is tagged yet')).toBeTruthy();
    expect(empty.textContent).toContain('mentors.csv');
    expect((within(view).getByTestId('mentors-export') as HTMLButtonElement).disabled).toBe(true);
    await app.user.click(screen.getByTestId('language-switch'));
    expect(await within(view).findByText('还没有标记任何师父')).toBeTruthy();
    await app.user.click(within(empty).getByRole('button', { name: '前往销售管道' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/pipeline/));
  });
});
