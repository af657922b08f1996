import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CompanySettings } from '@shared/contract';
import { renderApp } from './render';
import { logoBytes, logoFile } from './support/logos';
import type { TestWorkbench } from './support/workbench';

/**
 * Settings ▸ Company against the real backend: the name saved from the keyboard, a logo
 * chosen, previewed and kept, a wrong or too large file refused with its name, removal
 * only after a confirmation, in English and Chinese; axe's structural rules on the way.
 */
beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

async function kept(backend: TestWorkbench): Promise<CompanySettings> {
  const r = await backend.invoke('company.get', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as CompanySettings;
}

async function openSettings(language: 'en' | 'zh-CN' = 'en') {
  const app = await renderApp({ preferences: { language, theme: 'light' } });
  await app.user.click(screen.getByTestId('nav-settings'));
  const section = await screen.findByTestId('settings-company');
  await within(section).findByTestId('company-name');
  return { ...app, section };
}

async function violations() {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('Settings ▸ Company', () => {
  it('saves the name from the keyboard, then a logo with its preview, and removes it after confirming', async () => {
    const { user, backend, section } = await openSettings();
    expect(window.location.hash).toMatch(/^#\/settings/);
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(within(section).getByTestId('company-logo-none').textContent).toBe(
      'No logo: the deck shows none.',
    );
    expect(await violations()).toEqual([]);

    // The name: typed and saved with Enter; the button is off until something changed.
    const name = within(section).getByRole('textbox', { name: /Company name/ });
    expect((within(section).getByTestId('company-name-save') as HTMLButtonElement).disabled).toBe(true);
    await user.click(name);
    await user.keyboard('  Acme Precision Instruments {Enter}');
    await waitFor(async () => expect((await kept(backend)).name).toBe('Acme Precision Instruments'));
    expect(await screen.findByText('Company name saved.')).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('Acme Precision Instruments');
    expect((within(section).getByTestId('company-name-save') as HTMLButtonElement).disabled).toBe(true);

    // The logo: chosen, kept as sent, previewed with its facts.
    const png = logoBytes('acme.png');
    await user.upload(within(section).getByTestId('company-logo-file'), logoFile('acme.png'));
    const preview = await within(section).findByRole('img', { name: 'Logo: acme.png' });
    expect(preview.getAttribute('src')).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(within(section).getByTestId('company-logo-facts').textContent).toBe(
      `acme.png · PNG · 600 × 200 px · ${(png.length / 1024).toFixed(1)} KB`,
    );
    expect((await kept(backend)).logo).toMatchObject({ fileName: 'acme.png', type: 'image/png', width: 600 });
    expect(within(section).getByRole('button', { name: 'Replace the logo…' })).toBeTruthy();
    expect(await violations()).toEqual([]);

    // Removal asks first; Cancel (focused, so Enter does no harm) keeps the logo.
    const remove = within(section).getByRole('button', { name: 'Remove the logo' });
    remove.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Remove the logo?' });
    expect(dialog.textContent).toContain('acme.png is not kept.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));
    expect(await violations()).toEqual([]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await kept(backend)).logo).not.toBeNull();
    await user.click(remove);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await within(section).findByTestId('company-logo-none');
    expect(await kept(backend)).toEqual({ name: 'Acme Precision Instruments', logo: null });
    expect(await screen.findByText('Logo removed.')).toBeTruthy();

    // Cleared, the name says what the deck will use instead.
    await user.clear(name);
    await user.click(within(section).getByTestId('company-name-save'));
    expect(await screen.findByText('Company name cleared: the deck names the workspace file.')).toBeTruthy();
    expect((await kept(backend)).name).toBeNull();
  }, 30_000);

  it('refuses a file that is not an image, and one over 1 MB without sending it, naming the file', async () => {
    const { user, backend, section } = await openSettings();
    const input = within(section).getByTestId('company-logo-file');
    await user.upload(input, logoFile('acme.svg'));
    await within(section).findByRole('img', { name: 'Logo: acme.svg' });

    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 7)]);
    await user.upload(input, logoFile('acme.png', { name: 'brand.png', bytes: gif }));
    const error = await within(section).findByRole('alert');
    expect(error.textContent).toBe(
      'brand.png is not a PNG, JPEG or SVG image (its first bytes: 47 49 46 38 39 61 07 07). Save the logo in one of those formats and choose it again.',
    );
    // The kept logo stays.
    expect(within(section).getByRole('img', { name: 'Logo: acme.svg' })).toBeTruthy();
    expect((await kept(backend)).logo?.fileName).toBe('acme.svg');

    const sent = backend.callsTo('company.set').length;
    await user.upload(
      input,
      logoFile('acme.png', { name: 'poster.png', bytes: new Uint8Array(1024 * 1024 + 200_000) }),
    );
    await waitFor(() =>
      expect(within(section).getByRole('alert').textContent).toBe(
        'poster.png is 1.2 MB; a logo can be at most 1 MB. Save a smaller copy (about 1000 pixels across is plenty) and choose it again.',
      ),
    );
    expect(backend.callsTo('company.set')).toHaveLength(sent);
    expect(await violations()).toEqual([]);
  }, 30_000);

  it('speaks Chinese, refusals included', async () => {
    const { user, section } = await openSettings('zh-CN');
    expect(screen.getByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
    expect(within(section).getByRole('heading', { name: '公司' })).toBeTruthy();
    expect(within(section).getByRole('textbox', { name: /公司名称/ })).toBeTruthy();
    await user.upload(within(section).getByTestId('company-logo-file'), logoFile('tall.jpg'));
    await within(section).findByRole('img', { name: '标志：tall.jpg' });
    expect(within(section).getByTestId('company-logo-facts').textContent).toMatch(
      /^tall\.jpg · JPEG · 160 × 200 像素 · \d+\.\d KB$/,
    );
    await user.upload(
      within(section).getByTestId('company-logo-file'),
      logoFile('acme.png', { name: 'cut.png', bytes: logoBytes('acme.png').subarray(0, 300) }),
    );
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'cut.png 无法按 PNG 图片读取：文件不完整。请用制作它的软件重新导出。',
    );
    await user.click(within(section).getByRole('button', { name: '移除标志' }));
    expect(await screen.findByRole('dialog', { name: '移除标志？' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  }, 30_000);
});
