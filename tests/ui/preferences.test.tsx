import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TestWorkbench } from './support/workbench';
import { renderApp } from './render';

describe('language and theme', () => {
  it('the language switch flips the texts, saves the choice and sets <html lang>', async () => {
    const { backend, user } = await renderApp({ preferences: { language: 'en', theme: 'light' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pipeline');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByTestId('language-switch'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('销售管道'));
    expect(backend.callsTo('preferences.set')).toEqual([{ language: 'zh-CN' }]);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByTestId('product-name').textContent).toBe('漏斗工作台');
    expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^900 个商机 · ¥/);
    // Stage names come from the stage model, in the chosen language.
    expect(screen.getAllByText('报价比选').length).toBeGreaterThan(0);
    expect(backend.preferences.language).toBe('zh-CN');

    await user.click(screen.getByTestId('language-switch'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pipeline'));
    expect(backend.callsTo('preferences.set').at(-1)).toEqual({ language: 'en' });
  });

  it('a saved language survives a reload', async () => {
    const backend = await TestWorkbench.open({ preferences: { language: 'zh-CN', theme: 'dark' } });
    await renderApp(backend);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('销售管道');
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark');
  });

  it('first start follows the system language when none is saved', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en']);
    const { backend } = await renderApp({ preferences: { language: null, theme: null } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('销售管道');
    expect(document.documentElement.lang).toBe('zh-CN');
    // Following the system is not a choice: nothing is saved.
    expect(backend.callsTo('preferences.set')).toEqual([]);
    expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light');
  });

  it('the theme switch toggles dark mode and saves it', async () => {
    const { backend, user } = await renderApp({ preferences: { language: 'en', theme: 'light' } });
    const toggle = screen.getByTestId('theme-switch');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    await waitFor(() =>
      expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark'),
    );
    expect(screen.getByTestId('theme-switch').getAttribute('aria-pressed')).toBe('true');
    expect(backend.callsTo('preferences.set')).toEqual([{ theme: 'dark' }]);
  });
});
