import { WorkbenchError } from '@shared/result';
import { UsageError } from './args';
import { backupCommand } from './backup';
import { deckCommand } from './deck';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { reportCommand } from './report';
import { reviewCommand } from './review';
import { serveCommand } from './serve';
import { syncCommand } from './sync';

/**
 * The `funnel` command: one file per command, each a thin layer that builds contract
 * inputs and dispatches them through the backend's registry (see session.ts). Exit codes:
 * 0 success, 1 the work failed (message names what and where), 2 bad usage. Errors go to
 * stderr, in English (the catalog's English text).
 */

const USAGE = `funnel — Funnel Workbench (漏斗工作台) on the command line

  funnel demo   --db F [--deals N] [--seed S] [--today YYYY-MM-DD]
  funnel import --db F --deals deals.csv [--history h.csv] [--stages s.csv]
                [--mentors m.csv] [--quotas q.csv] [--skip-invalid]
  funnel sync   --db F --source hubspot|salesforce|pipedrive --url BASE [--token-env VAR]
                (the token from the variable VAR, default FUNNEL_CRM_TOKEN)
  funnel export deals|history|stages|mentors|quotas --db F --out file.csv
  funnel report funnel|velocity|changes|cohorts|forecast|mentors|attention --db F [--json]
                [--from D] [--to D] [--as-of D] [--team T] [--owner O]
                [--quarter 2026Q3 | --period-start D --period-end D]
                (changes: --from and --to required; forecast: --quarter required)
  funnel deck   --db F --quarter 2026Q4 --out deck.pptx [--lang zh-CN|en]
                [--as-of D] [--team T] [--owner O]   (the quarterly forecast deck)
  funnel review list --db F [--json]
  funnel review minutes --db F --meeting ID --format md|docx --out FILE [--lang zh-CN|en]
  funnel serve  [--db F] [--port N] [--open]   (default: the desktop app's workspace)
  funnel backup --db F [--out copy.db]

Every command takes --db PATH, the workspace file (SQLite).`;

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  demo: demoCommand,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  deck: deckCommand,
  review: reviewCommand,
  serve: serveCommand,
  sync: syncCommand,
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
