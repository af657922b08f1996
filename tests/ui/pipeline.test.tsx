import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lastListCall, renderApp, rows } from './render';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';

describe('pipeline', () => {
  it('renders the first page of rows from pipeline.list, virtualised', async () => {
    const { backend } = await renderApp();
    const first = backend.callsTo('pipeline.list')[0]!;
    expect(first).toMatchObject({ offset: 0, sort: { column: 'amount', direction: 'desc' } });
    expect(first.limit).toBeLessThanOrEqual(500);
    // Only the rows that fit the 800px viewport (plus overscan) exist in the DOM.
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    const top = backend.deals.reduce((a, b) =>
      b.amount > a.amount || (b.amount === a.amount && b.id > a.id) ? b : a,
    );
    expect(rows()[0]!.getAttribute('data-deal-id')).toBe(top.id);
    expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^900 deals · CN¥/);
    expect(screen.getByTestId('deals-table').getAttribute('aria-rowcount')).toBe('901');
  });

  it('sorting a header calls pipeline.list with that sort and sets aria-sort', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('sort-name'));
    await waitFor(() => expect(lastListCall(backend).sort).toEqual({ column: 'name', direction: 'asc' }));
    await waitFor(() => expect(rows()[0]!.getAttribute('data-deal-id')).toBe('D00001'));
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByTestId('sort-amount').closest('th')!.hasAttribute('aria-sort')).toBe(false);

    await user.click(screen.getByTestId('sort-name'));
    await waitFor(() => expect(lastListCall(backend).sort).toEqual({ column: 'name', direction: 'desc' }));
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('sort headers work from the keyboard', async () => {
    const { backend, user } = await renderApp();
    screen.getByTestId('sort-daysInStage').focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(lastListCall(backend).sort).toEqual({ column: 'daysInStage', direction: 'desc' }),
    );
  });

  it('choosing a team filter re-queries and narrows the owners', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('filter-team'));
    await user.click(await screen.findByRole('option', { name: 'East' }));
    await waitFor(() => expect(lastListCall(backend).filter).toEqual({ status: 'open', teams: ['East'] }));
    await waitFor(() => expect(rows().every((r) => within(r).queryByText('East'))).toBe(true));
    expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^300 deals/);

    await user.click(screen.getByTestId('filter-owner'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options.sort()).toEqual(['Li Wei', 'Zhang Min']);
  });

  it('search is debounced and sent to the database', async () => {
    const { backend, user } = await renderApp();
    const before = backend.callsTo('pipeline.list').length;
    await user.type(screen.getByTestId('search-input'), 'Deal 0042');
    await waitFor(() =>
      expect(lastListCall(backend).filter).toEqual({ search: 'Deal 0042', status: 'open' }),
    );
    // One query for the settled text, not one per keystroke.
    const searched = backend
      .callsTo('pipeline.list')
      .slice(before)
      .filter((q) => q.filter?.search);
    expect(searched.length).toBeLessThanOrEqual(2);
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('"/" focuses the search box', async () => {
    const { user } = await renderApp();
    rows()[0]!.focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
  });

  it('stalled-only switch filters, and stalled rows say so in words', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('filter-stalled'));
    await waitFor(() => expect(lastListCall(backend).filter).toEqual({ status: 'open', stalledOnly: true }));
    await waitFor(() =>
      expect(rows().every((r) => within(r).queryAllByText(/Stalled/).length > 0)).toBe(true),
    );
  });

  it('shows an empty state with a clear-filters action', async () => {
    const { backend, user } = await renderApp();
    await user.type(screen.getByTestId('search-input'), 'no such deal');
    const empty = await screen.findByTestId('pipeline-empty');
    expect(empty.textContent).toContain('No deal matches these filters');
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^900 deals/);
    expect(backend.callsTo('pipeline.list').some((q) => q.filter?.search === 'no such deal')).toBe(true);
  });

  it('shows what to do when the deals cannot be loaded', async () => {
    const { backend, user } = await renderApp();
    // Twice: the first failure is retried once automatically.
    backend.failNext(
      'pipeline.list',
      appError('internal', msg('channel_failed', { channel: 'pipeline.list', reason: 'database is locked' })),
      2,
    );
    await user.click(screen.getByTestId('sort-team'));
    const error = await screen.findByTestId('pipeline-error', {}, { timeout: 3000 });
    expect(error.textContent).toContain('database is locked');
    expect(error.textContent).toContain('try again');
    await user.click(within(error).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  });

  it('arrow keys move between rows and Enter opens the deal', async () => {
    const { user } = await renderApp();
    const first = rows()[0]!;
    first.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    expect(rows()[1]!.tabIndex).toBe(0);
    expect(rows()[0]!.tabIndex).toBe(-1);
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(rows()[0]));
    await user.keyboard('{Enter}');
    const drawer = await screen.findByTestId('deal-drawer');
    await within(drawer).findByText(first.querySelector('button')!.textContent!);
  });

  it('fetches further pages on demand while scrolling', async () => {
    const { backend } = await renderApp();
    const scroller = screen.getByTestId('deals-table-scroll');
    scroller.scrollTop = 44 * 450;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(backend.callsTo('pipeline.list').some((q) => q.offset === 400)).toBe(true));
    await waitFor(() => expect(rows().some((r) => r.getAttribute('aria-rowindex') === '452')).toBe(true));
  });
});
