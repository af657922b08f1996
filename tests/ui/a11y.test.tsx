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

  it('import dialog passes', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByTestId('import-open'));
    await screen.findByTestId('import-dialog');
    expect(await violations()).toEqual([]);
  });
});
