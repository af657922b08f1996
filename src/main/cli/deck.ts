import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DeckScope } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { parseAsOf, QUARTER } from '@shared/time';
import { args, requireDb, str, UsageError } from './args';
import { withSession } from './session';

/**
 * `funnel deck --db F --quarter Q --out deck.pptx [--lang zh-CN|en] [--as-of D] [--team T]
 * [--owner O]`: the quarterly forecast deck (PRODUCT.md, "The quarterly deck"), the same
 * file the app's button downloads. Usage is checked first (exit 2), then the --out folder
 * and the workspace (exit 1, naming them); the file is written only once the deck is whole.
 */
export async function deckCommand(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv, {
    db: { type: 'string' },
    quarter: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
    team: { type: 'string' },
    owner: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const db = requireDb(values);
  const quarter = str(values.quarter);
  if (quarter === undefined) throw new UsageError('--quarter is required, e.g. --quarter 2026Q4');
  if (!QUARTER.test(quarter)) throw new UsageError(`--quarter must look like 2026Q4, not "${quarter}"`);
  const out = str(values.out);
  if (!out) throw new UsageError('--out deck.pptx is required');
  const lang = str(values.lang);
  if (lang !== undefined && lang !== 'en' && lang !== 'zh-CN')
    throw new UsageError(`--lang must be zh-CN or en, not "${lang}"`);
  const scope: DeckScope = { quarter, ...(lang !== undefined ? { lang } : {}) };
  const asOf = str(values['as-of']);
  if (asOf !== undefined) {
    const ms = parseAsOf(asOf);
    if (ms === null) throw new UsageError(`--as-of must be YYYY-MM-DD or a timestamp, not "${asOf}"`);
    scope.asOf = ms;
  }
  const team = str(values.team);
  const owner = str(values.owner);
  if (team !== undefined) scope.team = team;
  if (owner !== undefined) scope.owner = owner;

  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new WorkbenchError('invalid_input', msg('folder_missing', { path: folder }));
  const file = await withSession(db, { create: false }, ({ call }) => call('deck.export', scope));
  try {
    writeFileSync(out, Buffer.from(file.base64, 'base64'));
  } catch (e) {
    throw new WorkbenchError(
      'invalid_input',
      msg('file_unwritable', { path: resolve(out), reason: (e as Error).message }),
    );
  }
  console.log(`Wrote ${resolve(out)} (${file.slides} slides).`);
}
