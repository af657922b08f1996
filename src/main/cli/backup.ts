import { resolve } from 'node:path';
import { args, requireDb, str } from './args';
import { withSession } from './session';

export async function backupCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const db = requireDb(values);
  const out = str(values.out);
  const { path } = await withSession(db, { create: false }, ({ call }) =>
    call('workspace.backup', out ? { out: resolve(out) } : {}),
  );
  console.log(`Backed up ${resolve(db)} to ${path}.`);
}
