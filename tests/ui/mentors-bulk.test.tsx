import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MentorTag } from '@shared/contract';
import { renderApp, rows } from './render';
import type { TestWorkbench } from './support/workbench';

/** Bulk tagging (师徒制) from the pipeline table's selection, against the real backend. */
beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

const ids = () => rows().map((r) => r.getAttribute('data-deal-id')!);
const checkbox = (row: HTMLElement) => within(row).getByTestId('row-select') as HTMLInputElement;
const checkedIds = () =>
  rows()
    .filter((r) => r.hasAttribute('data-checked'))
    .map((r) => r.getAttribute('data-deal-id'));

async function mentorsOf(backend: TestWorkbench, dealId: string): Promise<[string, number][]> {
  const r = await backend.invoke('mentors.forDeal', { dealId });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as MentorTag[]).map((m) => [m.mentor, m.sharePct]);
}

describe('pipeline selection: tag a mentor on several deals', () => {
  it('selects by checkbox, Shift+click and Shift+Space, and clears with Escape or the bar', async () => {
    const { user } = await renderApp();
    expect(screen.queryByTestId('selection-bar')).toBeNull();
    const [a, b, c, d] = ids();

    await user.click(checkbox(rows()[0]!));
    expect(checkedIds()).toEqual([a]);
    expect(screen.getByTestId('selection-count').textContent).toBe('1 deal selected');
    // Shift+click on a row takes the range from the last checked one; the drawer stays shut.
    await user.keyboard('{Shift>}');
    await user.click(rows()[2]!);
    await user.keyboard('{/Shift}');
    expect(checkedIds()).toEqual([a, b, c]);
    expect(screen.queryByTestId('deal-drawer')).toBeNull();
    expect(screen.getByTestId('selection-count').textContent).toBe('3 deals selected');

    // From the keyboard: the row is the tab stop, Shift+Space toggles it.
    rows()[3]!.focus();
    await user.keyboard('{Shift>} {/Shift}');
    expect(checkedIds()).toEqual([a, b, c, d]);
    expect(checkbox(rows()[3]!).checked).toBe(true);
    await user.keyboard('{Escape}');
    expect(checkedIds()).toEqual([]);
    expect(screen.queryByTestId('selection-bar')).toBeNull();

    // The header box takes every loaded row; the bar's Clear drops them.
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded deals' }));
    expect(checkedIds()).toEqual(ids());
    await user.click(screen.getByTestId('selection-clear'));
    expect(checkedIds()).toEqual([]);
  });

  it('tags the checked deals with one mentor and share, and refuses the whole batch over 100% naming the deal', async () => {
    const { backend, user } = await renderApp();
    const [first, second, third] = rows();
    const [a, b, c] = [first!, second!, third!].map((r) => r.getAttribute('data-deal-id')!);
    const cName = backend.deals.find((d) => d.id === c)!.name;
    // Deal c already gives 90% to another mentor.
    await backend.invoke('mentors.tag', { mentor: 'Liu Yang', sharePct: 90, dealIds: [c!] });

    for (const row of [first!, second!, third!]) await user.click(checkbox(row));
    await user.click(screen.getByTestId('bulk-tag-mentor'));
    const dialog = await screen.findByTestId('tag-mentor-dialog');
    expect(within(dialog).getByText('Tag a mentor on 3 deals')).toBeTruthy();

    // Nothing typed: both fields say what they need, nothing is sent.
    await user.click(within(dialog).getByTestId('bulk-tag-submit'));
    expect(within(dialog).getByText('Enter the mentor’s name.')).toBeTruthy();
    expect(within(dialog).getByText('Enter a share between 0 and 100%.')).toBeTruthy();
    expect(backend.callsTo('mentors.tag')).toHaveLength(1);

    await user.type(within(dialog).getByRole('combobox', { name: 'Mentor' }), 'Chen Jie');
    await user.type(within(dialog).getByRole('textbox', { name: 'Share (%)' }), '20');
    await user.click(within(dialog).getByTestId('bulk-tag-submit'));
    // Refused as a whole: the deal that would pass 100% is named, with its total; the dialog stays.
    const refused = await within(dialog).findByTestId('bulk-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(within(refused).getByText('Nothing was tagged')).toBeTruthy();
    expect(within(refused).getByTestId('bulk-refused-deals').textContent).toBe(`${cName} — 110%`);
    expect(refused.textContent).toContain('more than 100%');
    expect(backend.callsTo('mentors.tag').at(-1)).toEqual({
      mentor: 'Chen Jie',
      sharePct: 20,
      dealIds: [a, b, c],
    });
    expect(await mentorsOf(backend, a!)).toEqual([]);
    expect(await mentorsOf(backend, c!)).toEqual([['Liu Yang', 90]]);

    // A lower share fits every deal: tagged, said, dialog closed.
    const share = within(dialog).getByRole('textbox', { name: 'Share (%)' });
    await user.clear(share);
    await user.type(share, '10');
    expect(within(dialog).queryByTestId('bulk-refused')).toBeNull();
    await user.click(within(dialog).getByTestId('bulk-tag-submit'));
    expect(await screen.findByText('Chen Jie tagged on 3 deals.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('tag-mentor-dialog')).toBeNull());
    expect(await mentorsOf(backend, a!)).toEqual([['Chen Jie', 10]]);
    expect(await mentorsOf(backend, b!)).toEqual([['Chen Jie', 10]]);
    expect((await mentorsOf(backend, c!)).sort()).toEqual([
      ['Chen Jie', 10],
      ['Liu Yang', 90],
    ]);

    // The drawer of a tagged deal shows the mentor at once.
    await user.click(rows()[0]!);
    const section = await within(await screen.findByTestId('deal-drawer')).findByTestId('deal-mentors');
    await waitFor(() =>
      expect(within(section).getByTestId('deal-mentor').getAttribute('data-mentor')).toBe('Chen Jie'),
    );
  });
});
