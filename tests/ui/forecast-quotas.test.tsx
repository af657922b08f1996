import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quota } from '@shared/contract';
import { renderApp } from './render';
import type { TestWorkbench } from './support/workbench';

vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

const Q = '2026Q4';
const STORED: Quota[] = [
  { quarter: Q, team: '', owner: '', amount: 90_000_000 },
  { quarter: Q, team: 'East', owner: '', amount: 40_000_000 },
  { quarter: Q, team: 'East', owner: 'Li Wei', amount: 5_000_000 },
];

async function stored(backend: TestWorkbench): Promise<Quota[]> {
  const r = await backend.invoke('quotas.list', { quarters: [Q] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Quota[];
}

const row = (team: string, owner: string) =>
  screen.getAllByTestId('quota-row').find((r) => r.dataset.team === team && r.dataset.owner === owner)!;

/** The app on the Forecast view's Quotas tab for team East, with the quotas above stored. */
async function openQuotas() {
  const app = await renderApp();
  const r = await app.backend.invoke('quotas.save', { quotas: STORED });
  expect(r.ok).toBe(true);
  // From here on, only what the screen asks counts.
  app.backend.calls.splice(0);
  window.history.replaceState(null, '', '#/forecast?team=East&tab=quotas');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  const editor = await screen.findByTestId('quota-editor');
  await within(editor).findByTestId('quota-table');
  return { ...app, editor };
}

describe('Forecast view: the quota editor', () => {
  it('edits, removes (with an Undo before and after saving) and adds quotas, saved as one batch', async () => {
    const { backend, user, editor } = await openQuotas();
    expect(
      within(editor)
        .getAllByTestId('quota-row')
        .map((r) => r.textContent),
    ).toEqual(['Whole organisation', 'East (team)This view', 'Li Wei · East']);

    // An amount changed in place.
    const east = within(row('East', '')).getByRole('textbox', { name: 'Quota of East (team)' });
    expect((east as HTMLInputElement).value).toBe('40,000,000');
    await user.clear(east);
    await user.type(east, '45000000');
    expect(within(editor).getByTestId('quotas-pending').textContent).toBe('1 unsaved change');

    // A removal is shown until saved and can be taken back.
    await user.click(
      within(row('East', 'Li Wei')).getByRole('button', { name: 'Remove the quota of Li Wei · East' }),
    );
    expect(within(row('East', 'Li Wei')).getByTestId('quota-removed').textContent).toBe(
      'Removed when you save (was CN¥5,000,000)',
    );
    await user.click(
      within(row('East', 'Li Wei')).getByRole('button', { name: 'Keep the quota of Li Wei · East' }),
    );
    expect(within(row('East', 'Li Wei')).queryByTestId('quota-removed')).toBeNull();
    await user.click(
      within(row('East', 'Li Wei')).getByRole('button', { name: 'Remove the quota of Li Wei · East' }),
    );

    // Adding: the amount is required, and a scope with a row already is refused at the field.
    const add = within(editor).getByTestId('quota-add');
    await user.click(within(add).getByRole('combobox', { name: 'Team' }));
    await user.click(await screen.findByRole('option', { name: 'West' }));
    await user.click(within(add).getByRole('button', { name: 'Add' }));
    expect(within(add).getByText('Enter an amount (0 or more).')).toBeTruthy();
    await user.type(within(add).getByRole('textbox', { name: 'Quota' }), '30000000');
    await user.click(within(add).getByRole('button', { name: 'Add' }));
    expect(row('West', '').textContent).toContain('New');
    await user.type(within(add).getByRole('textbox', { name: 'Quota' }), '1');
    await user.click(within(add).getByRole('button', { name: 'Add' }));
    expect(
      within(add).getByText(
        'West (team) already has a quota this quarter: change its amount in the table instead.',
      ),
    ).toBeTruthy();
    expect(within(add).getByRole('combobox', { name: 'Rep' }).getAttribute('aria-invalid')).toBe('true');

    expect(within(editor).getByTestId('quotas-pending').textContent).toBe('3 unsaved changes');
    expect(backend.callsTo('quotas.save')).toHaveLength(0);
    await user.click(within(editor).getByTestId('quotas-save'));
    await screen.findByText('Quotas for 2026 Q4 saved: 2 set, 1 removed.');
    expect(backend.callsTo('quotas.save')).toEqual([
      {
        quotas: [
          { quarter: Q, team: 'East', owner: '', amount: 45_000_000 },
          { quarter: Q, team: 'East', owner: 'Li Wei', amount: null },
          { quarter: Q, team: 'West', owner: '', amount: 30_000_000 },
        ],
      },
    ]);
    expect(await stored(backend)).toEqual([
      { quarter: Q, team: '', owner: '', amount: 90_000_000 },
      { quarter: Q, team: 'East', owner: '', amount: 45_000_000 },
      { quarter: Q, team: 'West', owner: '', amount: 30_000_000 },
    ]);
    // With team East chosen, West's saved row is counted but not listed.
    await waitFor(() => expect(within(editor).getAllByTestId('quota-row')).toHaveLength(2));
    expect(within(editor).getByTestId('quotas-team-only').textContent).toBe(
      'Showing East and the organisation; 1 row of other teams is hidden (clear the team filter to see every row).',
    );

    // The quarter's figures follow: East's quota is now 45M.
    await user.click(screen.getByTestId('forecast-tab-quarter'));
    await waitFor(() => expect(screen.getByTestId('forecast-quota-value').textContent).toBe('CN¥45,000,000'));

    // The saved batch undone from its notice: every row back as it was.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('The quotas are back as they were.');
    expect(await stored(backend)).toEqual(STORED.slice().sort((a, b) => a.team.localeCompare(b.team)));
    await waitFor(() => expect(screen.getByTestId('forecast-quota-value').textContent).toBe('CN¥40,000,000'));
  }, 90_000);

  it('says at the field what cannot be saved, and sends nothing', async () => {
    const { backend, user, editor } = await openQuotas();
    const org = within(row('', '')).getByRole('textbox', { name: 'Quota of Whole organisation' });
    await user.clear(org);
    await user.click(within(editor).getByTestId('quotas-save'));
    expect(within(row('', '')).getByText('Enter an amount (0 or more).')).toBeTruthy();
    expect(org.getAttribute('aria-invalid')).toBe('true');
    expect(within(editor).getByRole('alert').textContent).toBe(
      'Some quotas cannot be saved yet: see the fields marked in red.',
    );
    await user.type(org, '99999999999999');
    await user.click(within(editor).getByTestId('quotas-save'));
    expect(within(row('', '')).getByText('At most 10,000,000,000,000.')).toBeTruthy();
    expect(backend.callsTo('quotas.save')).toHaveLength(0);
    await user.click(within(editor).getByTestId('quotas-discard'));
    expect((within(row('', '')).getByRole('textbox') as HTMLInputElement).value).toBe('90,000,000');
  }, 60_000);

  it('offers to set the quota of a scope without one, from the quarter’s figures, in Chinese too', async () => {
    const { user } = await openQuotas();
    await user.click(screen.getByTestId('forecast-tab-quarter'));
    await user.click(screen.getByTestId('filter-owner'));
    await user.click(await screen.findByRole('option', { name: 'Zhang Min' }));
    await waitFor(() => expect(screen.getByTestId('forecast-quota-value').textContent).toBe('No quota'));
    await user.click(screen.getByTestId('forecast-set-quota'));
    const add = await screen.findByTestId('quota-add');
    expect(window.location.hash).toContain('tab=quotas');
    expect((within(add).getByRole('combobox', { name: 'Team' }) as HTMLInputElement).value).toBe('East');
    expect((within(add).getByRole('combobox', { name: 'Rep' }) as HTMLInputElement).value).toBe('Zhang Min');

    await user.click(screen.getByTestId('language-switch'));
    expect(await screen.findByText('添加业绩目标')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '业绩目标' }).getAttribute('aria-selected')).toBe('true');
    expect(row('East', 'Li Wei').textContent).toBe('Li Wei · East');
  }, 60_000);
});
