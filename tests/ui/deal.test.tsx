import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { renderApp, rows } from './render';
import { stagePath } from './support/dataset';

async function openFirstDeal() {
  const app = await renderApp();
  const row = rows()[0]!;
  const id = row.getAttribute('data-deal-id')!;
  await app.user.click(row);
  const drawer = await screen.findByTestId('deal-drawer');
  await within(drawer).findByTestId('stage-timeline');
  return { ...app, id, drawer };
}

describe('deal drawer', () => {
  it('opening a row shows the deal with its timeline, histories and notes', async () => {
    const { backend, id, drawer } = await openFirstDeal();
    expect(backend.callsTo('deal.get')).toContainEqual({ id });
    const deal = backend.deals.find((d) => d.id === id)!;
    expect(within(drawer).getByRole('heading', { level: 2 }).textContent).toBe(deal.name);
    expect(within(drawer).getByTestId('deal-account').textContent).toBe(deal.account);
    expect(within(drawer).getByTestId('deal-amount').textContent).toMatch(/^CN¥/);
    const visits = within(drawer).getAllByTestId('timeline-visit');
    const label = (key: string) => DEFAULT_STAGES.find((s) => s.key === key)!.nameEn;
    expect(visits.map((v) => v.querySelector('td')!.textContent)).toEqual(stagePath(deal).map(label));
    // The open visit reads "now".
    expect(within(visits[2]!).getByText('now')).toBeTruthy();
    expect(within(drawer).getByTestId('amount-history').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(within(drawer).getByTestId('notes').textContent).toContain('No notes yet.');
  });

  it('marks the stalled visit with an icon and a word', async () => {
    const app = await renderApp();
    await app.user.click(screen.getByTestId('filter-stalled'));
    await waitFor(() =>
      expect(rows().every((r) => within(r).queryAllByText(/Stalled/).length > 0)).toBe(true),
    );
    await app.user.click(rows()[0]!);
    const drawer = await screen.findByTestId('deal-drawer');
    const visits = await within(drawer).findAllByTestId('timeline-visit');
    expect(visits[2]!.getAttribute('data-stalled')).toBe('true');
    expect(visits[2]!.textContent).toContain('Stalled');
  });

  it('adding a note calls notes.save and lists it newest first', async () => {
    const { backend, user, id, drawer } = await openFirstDeal();
    await user.type(within(drawer).getByTestId('note-input'), 'Call the CFO on Monday');
    await user.click(within(drawer).getByTestId('note-save'));
    await waitFor(() =>
      expect(backend.callsTo('notes.save')).toEqual([{ dealId: id, body: 'Call the CFO on Monday' }]),
    );
    await waitFor(() => expect(within(drawer).getAllByTestId('note-item')).toHaveLength(1));
    expect((within(drawer).getByTestId('note-input') as HTMLTextAreaElement).value).toBe('');

    // Ctrl+Enter saves too; the newest note comes first.
    await user.type(within(drawer).getByTestId('note-input'), 'Second note');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(within(drawer).getAllByTestId('note-item')).toHaveLength(2));
    expect(
      within(drawer)
        .getAllByTestId('note-body')
        .map((n) => n.textContent),
    ).toEqual(['Second note', 'Call the CFO on Monday']);
  });

  it('edits a note in place', async () => {
    const { backend, user, drawer } = await openFirstDeal();
    await user.type(within(drawer).getByTestId('note-input'), 'Draft');
    await user.click(within(drawer).getByTestId('note-save'));
    const item = await within(drawer).findByTestId('note-item');
    await user.click(within(item).getByTestId('note-edit'));
    const editor = within(item).getByTestId('note-edit-input');
    await user.clear(editor);
    await user.type(editor, 'Final text');
    await user.click(within(item).getByTestId('note-update'));
    await waitFor(() => expect(within(drawer).getByTestId('note-body').textContent).toBe('Final text'));
    expect(backend.callsTo('notes.save').at(-1)).toMatchObject({ noteId: 1, body: 'Final text' });
  });

  it('deletes a note with an Undo that re-creates it', async () => {
    const { backend, user, id, drawer } = await openFirstDeal();
    await user.type(within(drawer).getByTestId('note-input'), 'Keep me');
    await user.click(within(drawer).getByTestId('note-save'));
    await user.click(await within(drawer).findByTestId('note-delete'));
    await waitFor(() => expect(within(drawer).queryAllByTestId('note-item')).toHaveLength(0));
    expect(backend.callsTo('notes.delete')).toEqual([{ noteId: 1 }]);
    await user.click(within(drawer).getByTestId('note-undo-button'));
    await waitFor(() => expect(within(drawer).getAllByTestId('note-item')).toHaveLength(1));
    expect(backend.callsTo('notes.save').at(-1)).toEqual({ dealId: id, body: 'Keep me' });
  });

  it('notes persist across a reload', async () => {
    const first = await openFirstDeal();
    await first.user.type(within(first.drawer).getByTestId('note-input'), 'Persisted');
    await first.user.click(within(first.drawer).getByTestId('note-save'));
    await within(first.drawer).findByTestId('note-item');
    first.unmount();

    const second = await renderApp(first.backend);
    await second.user.click(rows()[0]!);
    const drawer = await screen.findByTestId('deal-drawer');
    expect((await within(drawer).findByTestId('note-body')).textContent).toBe('Persisted');
  });

  it('says in Chinese why a note was not saved while an import runs, and keeps the draft', async () => {
    const app = await renderApp({ preferences: { language: 'zh-CN', theme: 'light' } });
    await app.user.click(rows()[0]!);
    const drawer = await screen.findByTestId('deal-drawer');
    // What the registry answers every write while an import holds the write lock.
    app.backend.failNext('notes.save', appError('busy', msg('busy', { activity: msg('activity_import') })));
    await app.user.type(within(drawer).getByTestId('note-input'), '周一给财务总监打电话');
    await app.user.click(within(drawer).getByTestId('note-save'));
    expect(
      (await within(drawer).findByText(/正忙：导入正在进行，请在完成后重试。/)).textContent,
    ).toBeTruthy();
    expect((within(drawer).getByTestId('note-input') as HTMLTextAreaElement).value).toBe(
      '周一给财务总监打电话',
    );
  });

  it('Escape closes the drawer', async () => {
    const { user } = await openFirstDeal();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('deal-drawer')).toBeNull());
  });
});
