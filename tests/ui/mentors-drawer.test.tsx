import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { renderApp, rows } from './render';

/** The deal drawer's mentors (师徒制) against the real backend: add, change, refuse over 100%, remove and undo. */
async function openFirstDeal() {
  const app = await renderApp();
  const row = rows()[0]!;
  const id = row.getAttribute('data-deal-id')!;
  await app.user.click(row);
  const drawer = await screen.findByTestId('deal-drawer');
  const section = await within(drawer).findByTestId('deal-mentors');
  await within(section).findByTestId('deal-mentors-empty');
  return { ...app, id, drawer, section };
}

const mentorItems = (section: HTMLElement) =>
  within(section)
    .queryAllByTestId('deal-mentor')
    .map((m) => [m.getAttribute('data-mentor'), within(m).getByTestId('mentor-share').textContent]);

describe('deal drawer: mentors', () => {
  it('adds a mentor picked from the people, with a share, and lists it with its source and date', async () => {
    const { backend, user, id, section } = await openFirstDeal();
    const name = within(section).getByRole('combobox', { name: 'Mentor' });
    await user.type(name, 'Wang');
    // The autocomplete offers the workspace's people.
    await user.click(await screen.findByRole('option', { name: 'Wang Fang' }));
    await user.type(within(section).getByRole('textbox', { name: 'Share (%)' }), '30');
    await user.click(within(section).getByTestId('mentor-add'));
    await waitFor(() => expect(mentorItems(section)).toEqual([['Wang Fang', '30%']]));
    expect(backend.callsTo('mentors.tag')).toEqual([{ mentor: 'Wang Fang', sharePct: 30, dealIds: [id] }]);
    const item = within(section).getByTestId('deal-mentor');
    expect(item.textContent).toContain('Source: Tagged here');
    expect(item.textContent).toMatch(/tagged Nov \d+, 2026/);
    expect(within(section).getByTestId('deal-mentors-total').textContent).toBe('Shared in total: 30%');
    // The form is cleared for the next one.
    expect((name as HTMLInputElement).value).toBe('');
  });

  it('checks the 100% rule before sending, and shows the backend refusal next to the field', async () => {
    const { backend, user, id, section } = await openFirstDeal();
    await backend.invoke('mentors.tag', { mentor: 'Chen Jie', sharePct: 70, dealIds: [id] });
    await waitFor(() => expect(mentorItems(section)).toEqual([['Chen Jie', '70%']]));

    await user.type(within(section).getByRole('combobox', { name: 'Mentor' }), 'Liu Yang');
    const share = within(section).getByRole('textbox', { name: 'Share (%)' });
    await user.type(share, '40');
    await user.click(within(section).getByTestId('mentor-add'));
    // Refused here: 70 + 40 > 100, nothing sent.
    expect(await within(section).findByText(/would add up to 110%/)).toBeTruthy();
    expect(within(section).getByText(/Lower this share to 30% or less/)).toBeTruthy();
    expect(share.getAttribute('aria-invalid')).toBe('true');
    const sent = backend.callsTo('mentors.tag').length;

    // A share another window changed meanwhile: the backend has the last word, shown at the field.
    await user.clear(share);
    await user.type(share, '30');
    backend.failNext(
      'mentors.tag',
      appError('invalid_input', msg('mentor_shares_over', { count: 1, deals: `${id} (110%)` }), {
        deals: [{ dealId: id, totalPct: 110 }],
      }),
    );
    await user.click(within(section).getByTestId('mentor-add'));
    await waitFor(() => expect(backend.callsTo('mentors.tag').length).toBe(sent + 1));
    const refusal = await within(section).findByText(/Not saved: .*more than 100%/);
    expect(refusal.textContent).toContain(`${id} (110%)`);
    expect(share.getAttribute('aria-invalid')).toBe('true');
  });

  it('changes a share in place', async () => {
    const { backend, user, id, section } = await openFirstDeal();
    await backend.invoke('mentors.tag', { mentor: 'Chen Jie', sharePct: 20, dealIds: [id] });
    await backend.invoke('mentors.tag', { mentor: 'Li Wei', sharePct: 50, dealIds: [id] });
    await waitFor(() => expect(mentorItems(section)).toHaveLength(2));
    const chen = within(section)
      .getAllByTestId('deal-mentor')
      .find((m) => m.getAttribute('data-mentor') === 'Chen Jie')!;
    await user.click(within(chen).getByRole('button', { name: 'Change Chen Jie’s share' }));
    const input = within(chen).getByRole('textbox', { name: 'Share of Chen Jie (%)' });
    await user.clear(input);
    await user.type(input, '60');
    await user.click(within(chen).getByTestId('mentor-share-save'));
    expect(await within(chen).findByText(/would add up to 110%/)).toBeTruthy();
    await user.clear(input);
    await user.type(input, '45');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(mentorItems(section).sort()).toEqual([
        ['Chen Jie', '45%'],
        ['Li Wei', '50%'],
      ]),
    );
    expect(backend.callsTo('mentors.tag').at(-1)).toEqual({
      mentor: 'Chen Jie',
      sharePct: 45,
      dealIds: [id],
    });
  });

  it('removes a mentor and puts the tag back exactly with Undo', async () => {
    const { backend, user, id, section } = await openFirstDeal();
    await backend.invoke('mentors.tag', { mentor: 'Chen Jie', sharePct: 25, dealIds: [id] });
    await waitFor(() => expect(mentorItems(section)).toEqual([['Chen Jie', '25%']]));
    const before = await backend.invoke('mentors.forDeal', { dealId: id });

    await user.click(within(section).getByRole('button', { name: 'Remove Chen Jie' }));
    await within(section).findByTestId('deal-mentors-empty');
    expect(within(section).getByTestId('mentor-undo').textContent).toContain(
      'Chen Jie removed from this deal.',
    );
    expect(backend.callsTo('mentors.untag')).toEqual([{ mentor: 'Chen Jie', dealIds: [id] }]);

    await user.click(within(section).getByTestId('mentor-undo-button'));
    await waitFor(() => expect(mentorItems(section)).toEqual([['Chen Jie', '25%']]));
    expect(within(section).queryByTestId('mentor-undo')).toBeNull();
    // Join time and source are the removed tag's, not new ones.
    expect(await backend.invoke('mentors.forDeal', { dealId: id })).toEqual(before);
  });
});
