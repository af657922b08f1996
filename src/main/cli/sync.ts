import { CRM_KINDS, type CrmSource, type SyncProgressEvent, type SyncRunSummary } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Emit } from '../backend/registry';
import { CRM_NAMES } from '../backend/sync/engine';
import { args, requireDb, str, UsageError } from './args';
import { withSession } from './session';

const count = (n: number) => n.toLocaleString('en');

/**
 * Progress on stderr (stdout stays the command's result): one line redrawn on a terminal,
 * a line per 20 pages when piped, so a log still shows the run moving.
 */
function progressReporter(crm: string): Emit {
  const tty = process.stderr.isTTY;
  let lastPages = -1;
  return (event, payload) => {
    if (event !== 'sync.progress') return;
    const p = payload as SyncProgressEvent;
    const text =
      p.phase === 'reference'
        ? `${crm}: reading pipelines and users…`
        : p.phase === 'sweep'
          ? `${crm}: checking for deals deleted long ago…`
          : `${crm}: ${count(p.pages)} pages, ${count(p.records)}${p.total !== null ? ` of ~${count(p.total)}` : ''} records${
              p.etaMs !== null ? `, about ${Math.max(1, Math.round(p.etaMs / 1000))} s left` : ''
            }`;
    if (tty) process.stderr.write(`\r\x1b[2K${text}`);
    else if (p.phase !== 'changes' || p.pages - lastPages >= 20) {
      lastPages = p.pages;
      process.stderr.write(`${text}\n`);
    }
  };
}

export function summaryLine(crm: string, s: SyncRunSummary, seconds: number): string {
  return (
    `${crm}: ${count(s.pages)} pages, ${count(s.records)} records read — ${count(s.upserted)} deals new or changed, ` +
    `${count(s.unchanged)} unchanged, ${count(s.deleted)} deleted, ${count(s.quarantined)} quarantined` +
    `${s.retries ? `, ${count(s.retries)} retries` : ''} (${seconds.toFixed(1)} s)`
  );
}

/** `funnel sync --db F --source hubspot|salesforce|pipedrive --url BASE [--token-env VAR]` */
export async function syncCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    source: { type: 'string' },
    url: { type: 'string' },
    'token-env': { type: 'string' },
  });
  const db = requireDb(values);
  const source = str(values.source);
  if (!source || !(CRM_KINDS as readonly string[]).includes(source))
    throw new UsageError(`--source must be one of ${CRM_KINDS.join(', ')}`);
  const url = str(values.url);
  if (!url || !/^https?:\/\/[^\s/]+/i.test(url))
    throw new UsageError('--url BASE (http:// or https://) is required');
  const tokenEnv = str(values['token-env']) ?? 'FUNNEL_CRM_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv))
    throw new UsageError(`--token-env must name an environment variable, not "${tokenEnv}"`);
  const crm = CRM_NAMES[source as CrmSource];
  const started = Date.now();
  const emit = progressReporter(crm);
  const summary = await withSession(db, { create: true, emit }, async ({ ws, call }) => {
    const s = await call('sync.run', { source: source as CrmSource, url, tokenEnv });
    // What was quarantined this run, by id and reason: the sync still counts as complete.
    const quarantined = ws.sqlite
      .prepare('select record_id, reason from sync_quarantine where run_id = ? order by id limit 20')
      .all(s.runId) as { record_id: string | null; reason: string }[];
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    for (const q of quarantined)
      console.error(
        `quarantined: deal ${q.record_id ?? '(no id)'}: ${formatMessage(JSON.parse(q.reason), 'en')}`,
      );
    if (s.quarantined > quarantined.length)
      console.error(`… and ${count(s.quarantined - quarantined.length)} more quarantined`);
    return s;
  });
  const line = summaryLine(crm, summary, (Date.now() - started) / 1000);
  if (summary.status !== 'done') {
    console.error(line);
    throw new WorkbenchError('crm', summary.error!);
  }
  console.log(line);
}
