import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  IMPORT_FILE_KINDS,
  MAX_IMPORT_BYTES,
  type ImportCheck,
  type ImportFile,
  type ImportFiles,
  type ImportIssue,
} from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { decodeUtf8 } from '@shared/text';
import type { Emit } from '../backend/registry';
import { args, requireDb, str, UsageError } from './args';
import { withSession } from './session';

/**
 * A file as the import contract carries it: UTF-8 text as text; a workbook, or a CSV in
 * another encoding, as its bytes, which the backend reads (sheets by value, GB18030).
 */
function readInput(path: string, label: string): ImportFile {
  if (!existsSync(path))
    throw new WorkbenchError('not_found', msg('file_missing', { label, path: resolve(path) }));
  if (!statSync(path).isFile())
    throw new WorkbenchError('invalid_input', msg('file_not_file', { label, path: resolve(path) }));
  const bytes = readFileSync(path);
  const text = /\.xlsx$/i.test(path) ? null : decodeUtf8(bytes);
  if (text !== null) return { name: path, text };
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new WorkbenchError(
      'invalid_input',
      msg('file_too_large', { label, path: resolve(path), max: MAX_IMPORT_BYTES / 1024 / 1024 }),
    );
  return { name: path, data: bytes.toString('base64') };
}

function printIssues(kind: 'error' | 'warning', issues: ImportIssue[], files: Record<string, string>): void {
  const shown = issues.slice(0, 50);
  for (const i of shown) {
    // A workbook's lines are rows of the sheet that was read: say which.
    const where =
      i.sheet !== undefined
        ? `${files[i.file] ?? i.file}, sheet "${i.sheet}"${i.line ? `, row ${i.line}` : ''}`
        : `${files[i.file] ?? i.file}${i.line ? `:${i.line}` : ''}`;
    console.error(`${kind}: ${where}: ${i.message}`);
  }
  if (issues.length > shown.length) console.error(`… and ${issues.length - shown.length} more ${kind}s`);
}

/**
 * A one-line progress report on an interactive terminal (stderr, so stdout stays the
 * command's result); silent when piped or in CI.
 */
function terminalProgress(): Emit {
  if (!process.stderr.isTTY) return () => undefined;
  let last = '';
  return (event, payload) => {
    if (event !== 'import.progress') return;
    const { phase, done, total } = payload as { phase: string; done: number; total: number };
    const text =
      phase === 'checking'
        ? 'Checking the files…'
        : `Writing deals: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    if (text === last) return;
    last = text;
    process.stderr.write(`\r\x1b[2K${text}${phase === 'writing' && done === total ? '\n' : ''}`);
  };
}

export async function importCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    deals: { type: 'string' },
    history: { type: 'string' },
    stages: { type: 'string' },
    mentors: { type: 'string' },
    quotas: { type: 'string' },
    'skip-invalid': { type: 'boolean' },
  });
  const db = requireDb(values);
  if (!str(values.deals)) throw new UsageError('--deals deals.csv is required');
  const files: ImportFiles = {};
  const names: Record<string, string> = {};
  for (const kind of IMPORT_FILE_KINDS) {
    const path = str(values[kind]);
    if (path) {
      files[kind] = readInput(path, `--${kind}`);
      names[kind] = path;
    }
  }
  // A failed import into a new file must leave no file behind ("change nothing").
  const existed = existsSync(db);
  const outcome = await withSession(db, { create: true, emit: terminalProgress() }, ({ call }) =>
    call('import.apply', { files, skipInvalid: Boolean(values['skip-invalid']) }),
  ).catch((e: unknown) => {
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    if (e instanceof WorkbenchError && e.code === 'import_invalid' && e.details) {
      const check = e.details as ImportCheck;
      printIssues('warning', check.warnings, names);
      printIssues('error', check.errors, names);
      if (check.moreErrors) console.error(`… and ${check.moreErrors} more errors`);
    }
    throw e;
  });
  printIssues('warning', outcome.warnings, names);
  if (outcome.errors.length) {
    printIssues('error', outcome.errors, names);
    console.error(`Skipped the invalid rows (--skip-invalid).`);
  }
  const i = outcome.imported;
  console.log(
    `Imported ${i.deals} deals, ${i.history} history rows, ${i.stages} stages, ${i.mentors} mentor tags, ${i.quotas} quotas into ${resolve(db)}` +
      (outcome.replacedDemo ? ' (the demo data was replaced).' : '.'),
  );
}
