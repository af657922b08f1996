import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '@backend/imports/job';
import { exportCsv } from '@backend/export/csv';
import { WorkbenchError } from '@shared/result';
import { tempWorkspace } from '../../support/temp';

const fixture = (name: string) => ({
  name,
  text: readFileSync(join(__dirname, '../../fixtures/small', name), 'utf8'),
});

describe('imports on a worker thread', () => {
  it('writes through its own connection, reports progress, and the workspace sees the result', async () => {
    const ws = await tempWorkspace();
    const progress: string[] = [];
    const outcome = await runImport(
      ws,
      { deals: fixture('deals.csv'), history: fixture('history.csv') },
      {
        skipInvalid: false,
        inlineBelow: 0,
        onProgress: (phase, done, total) => progress.push(`${phase} ${done}/${total}`),
      },
    );
    expect(outcome.imported).toMatchObject({ deals: 3, history: 9 });
    expect(progress).toContain('writing 3/3');
    expect(exportCsv(ws, 'deals').text).toContain('华信科技 - 云平台, 二期');
  });

  it('refuses invalid files with the same typed error as on the calling thread, writing nothing', async () => {
    const ws = await tempWorkspace();
    const bad = { name: 'deals.csv', text: 'id,stage,created_at\nX1,closing,2026-01-01\n' };
    const error = await runImport(ws, { deals: bad }, { skipInvalid: false, inlineBelow: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('import_invalid');
    expect((error as WorkbenchError).message).toContain('"closing"');
    expect(ws.sqlite.prepare('select count(*) from deals').pluck().get()).toBe(0);
  });
});
