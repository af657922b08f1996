import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render';
import { crmExport as fixture } from './support/crm-exports';

/** WCAG 2 A/AA violations axe can decide without layout (contrast is checked in Chromium). */
async function violations(context: Element) {
  const result = await axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function openMapping(file: File, language: 'en' | 'zh-CN' = 'en') {
  const app = await renderApp({ isDemo: false, preferences: { language, theme: 'light' } });
  await app.user.click(screen.getByTestId('import-open'));
  const dialog = await screen.findByTestId('import-dialog');
  await app.user.upload(within(dialog).getByTestId('import-file-deals'), file);
  await app.user.click(within(dialog).getByTestId('import-check'));
  const mapping = await within(dialog).findByTestId('import-mapping');
  return { ...app, dialog, mapping };
}

const select = (root: HTMLElement, testId: string) => within(root).getByTestId(testId) as HTMLSelectElement;

describe('the mapping step of the import dialog', () => {
  it('maps a GBK Chinese CRM export by its suggestions and imports it, the totals row left out (zh-CN)', async () => {
    const { backend, user, dialog, mapping } = await openMapping(fixture('chinese-crm-gbk.csv'), 'zh-CN');
    expect(mapping.textContent).toContain('映射列');
    // The encoding warning, in the person's language.
    expect(mapping.textContent).toContain('已按 GB18030');
    // Each file column with its first values and the suggested canonical column.
    const columns = within(mapping).getByTestId('import-mapping-columns');
    expect(within(columns).getByRole('rowheader', { name: '商机编号' })).toBeTruthy();
    expect(columns.textContent).toContain('CN-0001 · CN-0002 · CN-0003');
    expect(select(mapping, 'import-mapping-column-7').value).toBe('id');
    expect(select(mapping, 'import-mapping-column-3').value).toBe('stage');
    expect(select(mapping, 'import-mapping-column-8').value).toBe('team');
    // Stage values suggested by name, the prefix "报价" included.
    const stages = within(mapping).getByTestId('import-mapping-stages');
    expect(within(stages).getByRole('combobox', { name: '阶段值“报价”对应' })).toHaveProperty(
      'value',
      'proposal',
    );
    expect(await violations(dialog)).toEqual([]);

    await user.click(within(mapping).getByTestId('import-mapping-check'));
    await within(dialog).findByTestId('import-counts');
    expect(backend.callsTo('import.check')[0]!.mapping!.columns).toMatchObject({
      id: 7,
      stage: 3,
      amount: 4,
    });
    expect(within(dialog).getByTestId('import-warnings').textContent).toContain('合计行');
    await user.click(within(dialog).getByTestId('import-apply'));
    const done = await within(dialog).findByTestId('import-done');
    expect(done.textContent).toContain('4');
    expect(backend.callsTo('import.apply')[0]).toMatchObject({
      skipInvalid: false,
      mapping: { dateOrder: 'mdy' },
    });
  });

  it('works by keyboard: a stage value, the date order and a saved preset the next export opens with', async () => {
    const { backend, user, dialog, mapping } = await openMapping(fixture('salesforce-opportunities.csv'));
    expect(await violations(dialog)).toEqual([]);
    // "Qualification" has no suggestion; choose it from the keyboard.
    const qualification = within(mapping).getByRole('combobox', { name: 'Stage value “Qualification” is' });
    expect((qualification as HTMLSelectElement).value).toBe('');
    expect(mapping.textContent).toContain('listed as errors in the check');
    // A native select: reached with Tab like any control (the arrow keys are the browser's own,
    // driven for real in Chromium by tests/e2e/import-mapping.spec.ts).
    expect(qualification.tabIndex).toBe(0);
    await user.selectOptions(qualification, 'need');
    expect((qualification as HTMLSelectElement).value).toBe('need');
    // 3/4/2026 alone could be either; 4/30/2026 in the same file only fits month first.
    const order = select(mapping, 'import-mapping-date-order');
    expect(order.value).toBe('mdy');
    expect(mapping.textContent).toContain('Decided by the file');

    await user.click(within(mapping).getByTestId('import-mapping-preset-name'));
    await user.keyboard('Salesforce');
    await user.tab();
    await user.keyboard('{Enter}');
    await within(mapping).findByText('Saved the mapping “Salesforce”.');
    expect(backend.callsTo('import.savePreset')[0]!.preset).toMatchObject({
      name: 'Salesforce',
      columns: { id: 'Opportunity ID', stage: 'Stage', created_at: 'Created Date' },
      stages: { Qualification: 'need', 'Closed Won': 'won' },
    });

    await user.click(within(mapping).getByTestId('import-mapping-check'));
    await within(dialog).findByTestId('import-counts');
    expect(within(dialog).queryByTestId('import-errors')).toBeNull();
    // Back to the mapping keeps what was chosen.
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    const again = await within(dialog).findByTestId('import-mapping');
    expect(within(again).getByRole('combobox', { name: 'Stage value “Qualification” is' })).toHaveProperty(
      'value',
      'need',
    );
  });

  it('opens the next export of the same CRM with its saved preset', async () => {
    const first = await openMapping(fixture('hubspot-deals.csv'));
    await first.user.click(within(first.mapping).getByTestId('import-mapping-preset-name'));
    await first.user.keyboard('HubSpot');
    await first.user.click(within(first.mapping).getByTestId('import-mapping-preset-save'));
    await within(first.mapping).findByText('Saved the mapping “HubSpot”.');
    await first.user.click(within(first.mapping).getByRole('button', { name: 'Back' }));
    await first.user.click(within(first.dialog).getByTestId('import-check'));
    const mapping = await within(first.dialog).findByTestId('import-mapping');
    expect(mapping.textContent).toContain('Applied the saved mapping “HubSpot”.');
    expect(select(mapping, 'import-mapping-preset')).toBeTruthy();
  });

  it('asks for the id and stage columns before checking, and explains a missing creation date', async () => {
    const file = new File(['Deal,Value,Phase\nA,1,x\n'], 'export.csv', { type: 'text/csv' });
    const { user, mapping } = await openMapping(file);
    expect(within(mapping).getByTestId('import-mapping-check').hasAttribute('disabled')).toBe(true);
    expect(mapping.textContent).toContain(
      'Choose the file columns for Deal ID (id), Stage (stage) to continue.',
    );
    expect(within(mapping).getByTestId('import-mapping-created').textContent).toContain(
      'new deals are created at the import time',
    );
    await user.selectOptions(select(mapping, 'import-mapping-column-0'), 'id');
    await user.selectOptions(select(mapping, 'import-mapping-column-2'), 'stage');
    await waitFor(() =>
      expect(within(mapping).getByTestId('import-mapping-check').hasAttribute('disabled')).toBe(false),
    );
    // Choosing a column another one fed moves it.
    await user.selectOptions(select(mapping, 'import-mapping-column-1'), 'id');
    expect(select(mapping, 'import-mapping-column-0').value).toBe('');
  });
});
