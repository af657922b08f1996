import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
  readdirSync,
  mkdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  EXPORT_KINDS,
  IMPORT_FILE_KINDS,
  type ExportKind,
  type ImportFiles,
  type ImportIssue,
} from '../shared/contract';
import { WorkbenchError } from '../shared/result';
import { parseDay } from '../shared/time';
import { decodeUtf8 } from '../shared/text';
import { formatImportMessage } from '../shared/import-messages';
import { openWorkspace, type Workspace } from './backend/db/connection';
import { backupPath, backupTo } from './backend/db/backup';
import { applyImport } from './backend/csv/import';
import { exportCsv } from './backend/csv/export';
import { generateDemo } from './backend/demo/generate';
import { createBackend } from './backend/api';
import { ensureWorkspace } from './backend/workspace/default';
import { defaultWorkspacePath } from './backend/workspace/location';
import { startServer, type RunningServer } from './server';

/**
 * The `funnel` command: a thin layer over the backend. Exit codes: 0 success, 1 the work
 * failed (message names what and where), 2 bad usage. Errors go to stderr.
 */

const USAGE = `funnel — Funnel Workbench (漏斗工作台) on the command line

  funnel demo   --db F [--deals N] [--seed S] [--today YYYY-MM-DD]
  funnel import --db F --deals deals.csv [--history h.csv] [--stages s.csv]
                [--mentors m.csv] [--quotas q.csv] [--skip-invalid]
  funnel export deals|history|stages|mentors|quotas --db F --out file.csv
  funnel serve  [--db F] [--port N] [--open]   (default: the desktop app's workspace)
  funnel backup --db F [--out copy.db]

Every command takes --db PATH, the workspace file (SQLite).`;

class UsageError extends Error {}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function args(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function requireDb(values: Record<string, unknown>): string {
  const db = str(values.db);
  if (!db) throw new UsageError('--db PATH is required');
  return db;
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--${name} must be a positive whole number, not "${text}"`);
  return Number(text);
}

async function withWorkspace<T>(
  path: string,
  create: boolean,
  work: (ws: Workspace) => T | Promise<T>,
): Promise<T> {
  const ws = await openWorkspace(path, { create });
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

async function demo(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    deals: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  });
  const db = requireDb(values);
  const deals = positiveInt('deals', str(values.deals), 20_000);
  const seedText = str(values.seed);
  if (seedText !== undefined && !/^-?\d+$/.test(seedText))
    throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
  const today = str(values.today);
  if (today !== undefined && !parseDay(today))
    throw new UsageError(`--today must be a day like 2026-11-20, not "${today}"`);
  const started = performance.now();
  const summary = await withWorkspace(db, true, (ws) =>
    generateDemo(ws, {
      deals,
      ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
      ...(today ? { today } : {}),
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Created a demo workspace at ${resolve(db)}: ${summary.deals} deals, ${summary.historyRows} history rows, ` +
      `${summary.teams} teams, ${summary.reps} reps, up to ${summary.today} (seed ${summary.seed}, ${seconds.toFixed(1)} s).`,
  );
}

function readInput(path: string, label: string): { name: string; text: string } {
  if (!existsSync(path)) throw new WorkbenchError('not_found', `${label}: no file at ${resolve(path)}.`);
  if (!statSync(path).isFile())
    throw new WorkbenchError('invalid_input', `${label}: ${resolve(path)} is not a file.`);
  const text = decodeUtf8(readFileSync(path));
  if (text === null) {
    throw new WorkbenchError(
      'import_invalid',
      `${formatImportMessage('non_utf8', { file: path })}. Nothing was imported.`,
    );
  }
  return { name: path, text };
}

function printIssues(kind: 'error' | 'warning', issues: ImportIssue[], files: Record<string, string>): void {
  const shown = issues.slice(0, 50);
  for (const i of shown) {
    console.error(`${kind}: ${files[i.file] ?? i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
  }
  if (issues.length > shown.length) console.error(`… and ${issues.length - shown.length} more ${kind}s`);
}

/**
 * A one-line progress report on an interactive terminal (stderr, so stdout stays the
 * command's result); silent when piped or in CI.
 */
function terminalProgress():
  ((phase: 'checking' | 'writing', done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = '';
  return (phase, done, total) => {
    const text =
      phase === 'checking'
        ? 'Checking the files…'
        : `Writing deals: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    if (text === last) return;
    last = text;
    process.stderr.write(`\r\x1b[2K${text}${phase === 'writing' && done === total ? '\n' : ''}`);
  };
}

async function importCommand(argv: string[]): Promise<void> {
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
      if (/\.xlsx$/i.test(path))
        throw new WorkbenchError(
          'invalid_input',
          `${path}: spreadsheets (.xlsx) arrive with CRM sync; save the sheet as CSV (UTF-8) and import that.`,
        );
      files[kind] = readInput(path, `--${kind}`);
      names[kind] = path;
    }
  }
  // A failed import into a new file must leave no file behind ("change nothing").
  const existed = existsSync(db);
  const outcome = await withWorkspace(db, true, (ws) => {
    try {
      return applyImport(ws, files, {
        skipInvalid: Boolean(values['skip-invalid']),
        onProgress: terminalProgress(),
      });
    } catch (e) {
      if (e instanceof WorkbenchError && e.code === 'import_invalid') {
        const check = e.details as { errors: ImportIssue[]; warnings: ImportIssue[]; moreErrors: number };
        printIssues('warning', check.warnings, names);
        printIssues('error', check.errors, names);
        if (check.moreErrors) console.error(`… and ${check.moreErrors} more errors`);
      }
      throw e;
    }
  }).catch((e: unknown) => {
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
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

async function exportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const kind = positionals[0];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`say what to export: ${EXPORT_KINDS.join('|')}`);
  }
  const db = requireDb(values);
  const out = str(values.out);
  if (!out) throw new UsageError('--out file.csv is required');
  const { text } = await withWorkspace(db, false, (ws) => exportCsv(ws, kind as ExportKind));
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new WorkbenchError('invalid_input', `Cannot write ${resolve(out)}: ${(e as Error).message}`);
  }
  console.log(`Wrote ${resolve(out)}.`);
}

async function backupCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const db = requireDb(values);
  const path = await withWorkspace(db, false, (ws) =>
    backupTo(ws.sqlite, str(values.out) ?? backupPath(ws.path, 'manual')),
  );
  console.log(`Backed up ${resolve(db)} to ${path}.`);
}

/** Newest modification time under a folder (to tell whether the renderer build is stale). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** The browser build of the renderer; built on first use so no separate step is needed. */
function rendererBuild(): string {
  const dir = join(root, 'out', 'renderer');
  const index = join(dir, 'index.html');
  const sources = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')].filter(existsSync);
  const stale = !existsSync(index) || sources.some((s) => newest(s) > statSync(index).mtimeMs);
  if (stale && existsSync(join(root, 'src', 'renderer'))) {
    console.error('Building the workbench for the browser (once, about half a minute)…');
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    // stdout belongs to the command's own output; the build logs went to the terminal above.
    if (run.status !== 0)
      throw new WorkbenchError('internal', 'Building the renderer failed (see the messages above).');
  }
  if (!existsSync(index))
    throw new WorkbenchError('internal', `No renderer build at ${dir}; run \`npm run build\`.`);
  return dir;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean' },
  });
  const port = str(values.port) === undefined ? 0 : positiveInt('port', str(values.port), 0);
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const dbPath = str(values.db);
  const rendererDir = rendererBuild();
  let ws: Workspace;
  if (dbPath) ws = await openWorkspace(dbPath, { create: false });
  else {
    const path = defaultWorkspacePath();
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      console.error(`First start: creating a demo workspace at ${path}…`);
    }
    ws = await ensureWorkspace(path);
  }
  // The registry needs an emitter before the server that carries events exists.
  const events: { server?: RunningServer } = {};
  const registry = createBackend(ws, (event, payload) => events.server?.emit(event, payload));
  const server = await startServer({ registry, rendererDir, ...(port ? { port } : {}) });
  events.server = server;
  console.log(`Funnel Workbench is serving ${ws.path}`);
  console.log(`Open ${server.loginUrl}`);
  console.log('(only this computer can connect; press Ctrl+C to stop)');
  const cleanUp = values.open ? openInBrowser(server.loginUrl) : () => undefined;
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  cleanUp();
  await server.close();
  await ws.close();
}

/**
 * Opens the workbench in the default browser, best effort (a server or CI has no browser:
 * the printed URL is enough there). The URL itself never goes on a command line, where
 * other users of the computer could read the token (ps, /proc): the browser is handed a
 * private file (folder 0700, file 0600) that redirects to it. Returns a clean-up.
 */
function openInBrowser(url: string): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-open-'));
  const page = join(dir, 'open-workbench.html');
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Funnel Workbench</title>`,
    { mode: 0o600 },
  );
  const [command, ...rest] =
    process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['explorer.exe'] : ['xdg-open'];
  try {
    const child = spawn(command!, [...rest, page], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine.
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  demo,
  import: importCommand,
  export: exportCommand,
  serve,
  backup: backupCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? console.log : console.error)(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`funnel: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    await run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`funnel ${command}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof WorkbenchError) {
      console.error(`funnel ${command}: ${e.message}`);
      return 1;
    }
    console.error(`funnel ${command}: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
