import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORT_KINDS, type ExportKind } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { args, requireDb, str, UsageError } from './args';
import { withSession } from './session';

export async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const kind = positionals[0];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`say what to export: ${EXPORT_KINDS.join('|')}`);
  }
  const db = requireDb(values);
  const out = str(values.out);
  if (!out) throw new UsageError('--out file.csv is required');
  const { text } = await withSession(db, { create: false }, ({ call }) =>
    call('export.csv', { kind: kind as ExportKind }),
  );
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new WorkbenchError(
      'invalid_input',
      msg('file_unwritable', { path: resolve(out), reason: (e as Error).message }),
    );
  }
  console.log(`Wrote ${resolve(out)}.`);
}
