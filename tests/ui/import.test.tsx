import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, rows } from './render';

/** A deals.csv with one row per stage given; the extra `colour` column draws a warning. */
const csv = (stages: string[]) =>
  new File(
    [
      [
        'id,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category,lost_reason,product,next_step,updated_at,colour',
        ...stages.map(
          (stage, i) =>
            `N${i + 1},New deal ${i + 1},Acme,Li Wei,East,${(i + 1) * 1000},CNY,${stage},2026-10-01,2026-12-15,commit,,,,2026-10-02,red`,
        ),
      ].join('\n'),
    ],
    'deals.csv',
    { type: 'text/csv' },
  );

describe('import dialog', () => {
  it('checks the files, lists errors by line, imports the valid rows after confirming the demo replacement', async () => {
    const { backend, user } = await renderApp({ isDemo: true });
    expect(screen.getByTestId('demo-banner').textContent).toContain('demo data');
    await user.click(screen.getByTestId('import-open'));
    const dialog = await screen.findByTestId('import-dialog');
    expect(within(dialog).getByTestId('import-check').hasAttribute('disabled')).toBe(true);

    await user.upload(within(dialog).getByTestId('import-file-deals'), csv(['need', 'BAD', 'proposal']));
    await user.click(within(dialog).getByTestId('import-check'));
    await waitFor(() => expect(backend.callsTo('import.check')).toHaveLength(1));
    expect(backend.callsTo('import.check')[0]!.files.deals!.name).toBe('deals.csv');

    const errors = await within(dialog).findByTestId('import-errors');
    expect(errors.textContent).toContain('stage "BAD" is not a key of the stage model');
    expect(within(errors).getByText('3')).toBeTruthy(); // line number
    expect(within(dialog).getByTestId('import-warnings').textContent).toContain(
      'unknown column "colour" is ignored',
    );

    const apply = within(dialog).getByTestId('import-apply');
    expect(apply.textContent).toBe('Import the 2 valid rows only');
    // Demo data is replaced only after an explicit confirmation.
    expect(apply.hasAttribute('disabled')).toBe(true);
    await user.click(within(dialog).getByTestId('import-confirm-demo'));
    await user.click(apply);

    await within(dialog).findByTestId('import-done');
    expect(backend.callsTo('import.apply')[0]).toMatchObject({ skipInvalid: true });
    expect(within(dialog).getByTestId('import-done').textContent).toContain('2 rows imported');
    await user.click(within(dialog).getByTestId('import-close'));

    // Everything refreshes: the demo banner goes, the table shows the imported deals.
    await waitFor(() => expect(screen.queryByTestId('demo-banner')).toBeNull());
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('imports everything at once when the files are valid', async () => {
    const { backend, user } = await renderApp({ isDemo: false });
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    await user.click(screen.getByTestId('import-open'));
    const dialog = await screen.findByTestId('import-dialog');
    await user.upload(within(dialog).getByTestId('import-file-deals'), csv(['need', 'solution']));
    await user.click(within(dialog).getByTestId('import-check'));
    const apply = await within(dialog).findByTestId('import-apply');
    expect(apply.textContent).toBe('Import');
    await user.click(apply);
    await within(dialog).findByTestId('import-done');
    expect(backend.callsTo('import.apply')[0]).toMatchObject({ skipInvalid: false });
  });
});

describe('import dialog and file encodings', () => {
  it('reads a file that is not UTF-8 as GB18030 in the backend, and the check report says so', async () => {
    const { backend, user } = await renderApp({ isDemo: false });
    await user.click(screen.getByTestId('import-open'));
    const dialog = await screen.findByTestId('import-dialog');
    // "id,owner,stage,created_at / X1,张三,need,2026-01-01" with 张三 in GBK.
    const gbk = new File(
      [
        new TextEncoder().encode('id,owner,stage,created_at\nX1,'),
        new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]),
        new TextEncoder().encode(',need,2026-01-01\n'),
      ],
      'deals.csv',
      { type: 'text/csv' },
    );
    await user.upload(within(dialog).getByTestId('import-file-deals'), gbk);
    await user.click(within(dialog).getByTestId('import-check'));
    const warnings = await within(dialog).findByTestId('import-warnings');
    expect(warnings.textContent).toContain('read as GB18030');
    // The bytes went to the backend as they are: decoding happens in one place.
    expect(backend.callsTo('import.check')[0]!.files.deals).toHaveProperty('data');
  });
});

describe('export menu', () => {
  it('downloads the CSV the backend returns under its file name', async () => {
    const { backend, user } = await renderApp();
    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      await user.click(screen.getByTestId('export-menu'));
      await user.click(await screen.findByTestId('export-history'));
      await waitFor(() => expect(clicked).toEqual(['history.csv']));
      expect(backend.callsTo('export.csv')).toEqual([{ kind: 'history' }]);
      expect((await screen.findByText('Saved history.csv.')).textContent).toBeTruthy();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });
});
