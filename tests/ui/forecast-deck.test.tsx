import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { NOW } from './support/dataset';
import { renderApp } from './render';

vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** The files the page handed to the browser's download path. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:deck';
  });
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** jsdom's Blob has no arrayBuffer(): read it as the browser's FileReader would. */
const bytesOf = (blob: Blob) =>
  new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

describe('Forecast view: the quarterly deck', () => {
  it('exports the view’s quarter and scope in the UI’s language, says it is building, and downloads the PPTX', async () => {
    const app = await renderApp();
    const downloads = captureDownloads();
    await app.user.click(screen.getByTestId('nav-forecast'));
    const view = await screen.findByTestId('view-forecast');
    await app.user.click(within(view).getByTestId('filter-team'));
    await app.user.click(await screen.findByRole('option', { name: 'West' }));
    await waitFor(() => expect(window.location.hash).toContain('team=West'));

    // Held until the "building" state has been seen.
    let release!: () => void;
    app.backend.gates.set('deck.export', new Promise<void>((r) => (release = r)));
    const button = within(view).getByRole('button', { name: 'Export 2026 Q4 deck' });
    await app.user.click(button);
    expect((await within(view).findByTestId('forecast-deck-building')).textContent).toBe(
      'Building the deck…',
    );
    expect(button.getAttribute('data-loading')).toBe('true');
    app.backend.gates.delete('deck.export');
    release();

    const done = await screen.findByText(
      /^forecast-.*\.pptx downloaded \(\d+ slides\)\.$/,
      {},
      { timeout: 20_000 },
    );
    expect(app.backend.callsTo('deck.export')).toEqual([
      { asOf: NOW, team: 'West', quarter: '2026Q4', lang: 'en' },
    ]);
    expect(downloads.names).toHaveLength(1);
    expect(done.textContent).toContain(downloads.names[0]!);
    const bytes = new Uint8Array(await bytesOf(downloads.blobs[0]!));
    // A PPTX is a zip: it starts with the local file header's signature.
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(downloads.blobs[0]!.type).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(within(view).queryByTestId('forecast-deck-building')).toBeNull();
  }, 60_000);

  it('says clearly when the deck cannot be built, in Chinese too', async () => {
    const app = await renderApp({ preferences: { language: 'zh-CN', theme: 'dark' } });
    await app.user.click(screen.getByTestId('nav-forecast'));
    const view = await screen.findByTestId('view-forecast');
    // Twice would be a retry; a mutation is not retried.
    app.backend.failNext('deck.export', appError('busy', msg('busy', { activity: msg('activity_import') })));
    await app.user.click(within(view).getByRole('button', { name: '导出 2026 年第 4 季度汇报 PPT' }));
    const notice = await screen.findByText(/^无法生成 PPT：/);
    expect(notice.textContent).toContain('导入');
    expect(app.backend.callsTo('deck.export')).toEqual([{ asOf: NOW, quarter: '2026Q4', lang: 'zh-CN' }]);
  }, 60_000);
});
