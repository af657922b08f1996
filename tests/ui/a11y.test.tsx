import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderApp, rows } from './render';

/**
 * Structural accessibility (WCAG 2 A/AA rules axe can decide without layout): labels,
 * landmarks, headings, table semantics, ARIA. Colour contrast needs a real browser and is
 * checked against `funnel serve` in Chromium instead.
 */
async function violations(context: Element = document.body) {
  const result = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        v.tags.includes('wcag2a') ||
        v.tags.includes('wcag2aa'),
    )
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  for (const language of ['en', 'zh-CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`pipeline screen passes in ${language}, ${theme}`, async () => {
        await renderApp({ preferences: { language, theme } });
        expect(await violations()).toEqual([]);
        expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
      });
    }
  }

  it('deal drawer passes', async () => {
    const { user } = await renderApp();
    await user.click(rows()[0]!);
    const drawer = await screen.findByTestId('deal-drawer');
    await within(drawer).findByTestId('stage-timeline');
    expect(await violations()).toEqual([]);
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`stage model screen passes in ${language} (in English also with errors and the confirmation)`, async () => {
      try {
        const { user } = await renderApp({ preferences: { language, theme: 'light' } });
        await user.click(screen.getByTestId('nav-stages'));
        await screen.findByTestId('stages-table');
        expect(await violations()).toEqual([]);
        expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
        // Every input of the table is named.
        for (const input of screen.getByTestId('stages-table').querySelectorAll('input, select, textarea'))
          expect(input.getAttribute('aria-label'), input.outerHTML).toBeTruthy();
        if (language !== 'en') return;
        await user.click(screen.getByRole('button', { name: 'Add a stage' }));
        await user.click(screen.getByTestId('stages-save'));
        await screen.findByTestId('stages-invalid');
        expect(await violations()).toEqual([]);
        await user.type(screen.getByLabelText('Key of stage 6'), 'signed');
        await user.type(screen.getByLabelText('Chinese name of signed'), '已签约');
        await user.type(screen.getByLabelText('English name of signed'), 'Signed');
        await user.type(screen.getByLabelText('Probability (%) of Signed'), '95');
        await user.click(screen.getByTestId('stages-save'));
        await screen.findByTestId('stages-confirm');
        expect(await violations()).toEqual([]);
      } finally {
        // The area is the URL's hash: the next test starts on the pipeline again.
        window.history.replaceState(null, '', '#/');
      }
    });
  }

  it('import dialog passes', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('import-open'));
    await screen.findByTestId('import-dialog');
    expect(await violations()).toEqual([]);
  });
});
