import { DEFAULT_STAGES } from '@shared/domain/stages';
import { MAX_DEMO_DEALS, type DemoSummary } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { DAY_MS, dayOf, dayStart, parseDay } from '@shared/time';
import type { Workspace } from '../db/connection';
import { chunks } from '../db/chunks';
import { all, first, run, type Db } from '../db/query';
import { DealWriter } from '../deals/writer';
import { replaceStages } from '../stages/model';
import { writeSetting } from '../workspace/settings';
import { accountCount, generateAccounts, type DemoAccount } from './accounts';
import { withSearchIndexRebuilt } from '../db/search-index';
import { withIndexesRebuilt, withoutForeignKeyChecks, withPageCache } from './bulk-load';
import { DemoCalendar } from './calendar';
import { DealStory } from './deal-story';
import { DEMO_TEAMS } from './people';
import { WonLedger, writeQuotas } from './quotas';
import { Rng } from './random';
import { TeamRoster } from './team-roster';
import { CreationSchedule } from './volume';

export interface DemoOptions {
  /** How many deals; default 20,000. */
  deals?: number;
  /** Same seed, today and deal count ⇒ byte-identical data; default 1. */
  seed?: number;
  /** `YYYY-MM-DD`, the last day of the demo's history; default the current UTC day. */
  today?: string;
}

export const DEFAULT_DEMO_DEALS = 20_000;
/** A demo takes about 1.2 KB of database per deal (deal, history, indexes). */
const BYTES_PER_DEAL = 1_300;
/** …but the page cache is raised to 512 MiB at most: a bigger demo spills, slower but in bounded memory. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/**
 * Independent random streams per concern: adding a draw to the account generator, say,
 * must not reshuffle every deal's story.
 */
const STREAM = { accounts: 1, stories: 2, quotas: 3 } as const;

function checkOptions(options: DemoOptions): { deals: number; seed: number; today: string } {
  const deals = options.deals ?? DEFAULT_DEMO_DEALS;
  if (!Number.isInteger(deals) || deals < 1 || deals > MAX_DEMO_DEALS) {
    throw new WorkbenchError('invalid_input', msg('demo_deals_range', { max: MAX_DEMO_DEALS, value: deals }));
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) {
    throw new WorkbenchError('invalid_input', msg('demo_seed', { value: seed }));
  }
  // Without --today the story ends yesterday: a day's events run into its afternoon
  // (Beijing office hours), and none may lie in the real clock's future.
  const today = options.today ?? dayOf(Date.now() - DAY_MS);
  if (parseDay(today) === null) {
    throw new WorkbenchError('invalid_input', msg('demo_today', { value: today }));
  }
  // Three years of history before 1973 would start before the epoch; after 9000 close
  // dates would leave four-digit years. Neither is a demo anyone needs.
  if (today < '1973-01-01' || today > '9000-01-01') {
    throw new WorkbenchError('invalid_input', msg('demo_today_range', { value: today }));
  }
  return { deals, seed, today };
}

/**
 * Fills an empty workspace with a realistic demo: five teams, forty reps with their own
 * strengths and weaknesses, three years of deals with full field histories up to the end of
 * `today`, mentor tags, quotas and the demo settings. One transaction: on any failure the
 * workspace is left as it was.
 */
export function generateDemo(ws: Workspace, options: DemoOptions = {}): DemoSummary {
  const { deals, seed, today } = checkOptions(options);
  const sqlite = ws.sqlite;

  const generate = sqlite.transaction((): DemoSummary => {
    // Checked inside the transaction so nothing can slip in between the check and the writes.
    const count = (table: 'deals' | 'quotas' | 'mentor_assignments'): number =>
      first(
        ws,
        ws.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')),
      )!.n;
    const existing = { deals: count('deals'), quotas: count('quotas'), mentors: count('mentor_assignments') };
    if (existing.deals + existing.quotas + existing.mentors > 0) {
      throw new WorkbenchError('conflict', msg('demo_not_empty', { path: ws.path, ...existing }), {
        path: ws.path,
        ...existing,
      });
    }

    replaceStages(ws, DEFAULT_STAGES);
    const calendar = new DemoCalendar(today);
    const schedule = new CreationSchedule(calendar);
    const roster = new TeamRoster(calendar);
    const accounts = generateAccounts(accountCount(deals), DEMO_TEAMS, new Rng(seed, STREAM.accounts));
    const rng = new Rng(seed, STREAM.stories);
    const story = new DealStory(calendar, roster, accounts, rng);
    const ledger = new WonLedger(roster, calendar);
    const writer = new DealWriter(ws, { source: 'demo', fresh: true });
    // In the per-deal loop, so raw like the writer's (bench: demo generation ≥ 20k deals/s).
    const insertMentor = sqlite.prepare(
      `insert into mentor_assignments(deal_id, mentor, share_pct, source, created_at) values(?, ?, ?, 'demo', ?)`,
    );

    withSearchIndexRebuilt(sqlite, () =>
      withIndexesRebuilt(sqlite, ['deals', 'deal_history'], () => {
        // Ids sort in creation order (D000001 …), like the running numbers of most CRMs.
        const width = Math.max(6, String(deals).length);
        for (let i = 0; i < deals; i++) {
          const id = `D${String(i + 1).padStart(width, '0')}`;
          story.tell(id, schedule.createdAt(i, deals, rng));
          writer.write(story.deal, story.history);
          for (const m of story.mentors) insertMentor.run(id, m.mentor, m.sharePct, m.createdAt);
          if (story.wonAt >= 0) ledger.add(story.wonOwner, story.wonAt, story.wonCents);
        }
      }),
    );
    writer.finish();
    writePeople(ws, roster, accounts);
    writeQuotas(ws, ledger, roster, calendar, schedule, new Rng(seed, STREAM.quotas));

    writeSetting(ws, 'workspace.isDemo', true);
    writeSetting(ws, 'workspace.currency', 'CNY');
    writeSetting(ws, 'workspace.demo', { seed, today, deals });
    // A demo built for an explicit day keeps that day as "now" (its stalls and overdue dates
    // stay as generated); without --today the demo ends today and the real clock runs on.
    writeSetting(ws, 'workspace.clock', options.today !== undefined ? dayStart(today) + DAY_MS - 1 : null);

    return {
      deals,
      historyRows: writer.historyWritten,
      teams: DEMO_TEAMS.length,
      reps: roster.reps.length,
      today,
      seed,
    };
  });
  return withPageCache(sqlite, Math.min(MAX_CACHE_BYTES, deals * BYTES_PER_DEAL), () =>
    withoutForeignKeyChecks(sqlite, generate),
  );
}

/**
 * The whole cast goes into `owners` and `teams` (DealWriter.finish only sees owners that
 * still own a deal), with e-mail addresses, and reps who left marked inactive; accounts
 * get their industry.
 */
function writePeople(ws: Db, roster: TeamRoster, accounts: readonly DemoAccount[]): void {
  const { db } = ws;
  run(
    ws,
    db
      .insertInto('teams')
      .values(DEMO_TEAMS.map((t) => ({ name: t.name })))
      .onConflict((oc) => oc.doNothing()),
  );
  const owners = roster.reps.map((r) => ({
    name: r.name,
    email: r.email,
    team: DEMO_TEAMS[r.team]!.name,
    active: r.leftDaysAgo === null ? (1 as const) : (0 as const),
  }));
  for (const batch of chunks(owners)) {
    run(
      ws,
      db
        .insertInto('owners')
        .values(batch)
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            team: eb.ref('excluded.team'),
            active: eb.ref('excluded.active'),
          })),
        ),
    );
  }
  // The writer listed the accounts that have deals; give those their industry.
  const listed = new Set(all(ws, db.selectFrom('accounts').select('name')).map((a) => a.name));
  for (const batch of chunks(accounts.filter((a) => listed.has(a.name)))) {
    run(
      ws,
      db
        .insertInto('accounts')
        .values(batch.map((a) => ({ name: a.name, industry: a.industry })))
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({ industry: eb.ref('excluded.industry') })),
        ),
    );
  }
}
