import { REPORT_KINDS, type ChangesScope, type ReportKind, type ReportScope } from '@shared/contract';
import { parseAsOf, parseTimestamp, QUARTER } from '@shared/time';
import { args, requireDb, str, UsageError, type Values } from './args';
import { reportTable } from './report-table';
import { withSession } from './session';

/**
 * `funnel report funnel|velocity|changes|cohorts|forecast|attention|mentors`: the analytics engine's
 * numbers (PRODUCT.md, "Metric definitions"). `--json` prints the report's JSON to stdout
 * and nothing else; without it, a table for people.
 */
const OPTIONS = {
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  team: { type: 'string' },
  owner: { type: 'string' },
  quarter: { type: 'string' },
  'period-start': { type: 'string' },
  'period-end': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Options that only some reports read; given to another, they are named on stderr, not refused. */
const ONLY_FOR: Partial<Record<keyof typeof OPTIONS, readonly ReportKind[]>> = {
  quarter: ['changes', 'forecast'],
  'period-start': ['changes'],
  'period-end': ['changes'],
};

function instant(values: Values, name: 'from' | 'to' | 'period-start' | 'period-end'): number | undefined {
  const text = str(values[name]);
  if (text === undefined) return undefined;
  const ms = parseTimestamp(text);
  if (ms === null)
    throw new UsageError(
      `--${name} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM], not "${text}"`,
    );
  return ms;
}

function scopeOf(values: Values): ReportScope {
  const scope: ReportScope = {};
  const asOf = str(values['as-of']);
  if (asOf !== undefined) {
    const ms = parseAsOf(asOf);
    if (ms === null) throw new UsageError(`--as-of must be YYYY-MM-DD or a timestamp, not "${asOf}"`);
    scope.asOf = ms;
  }
  const from = instant(values, 'from');
  const to = instant(values, 'to');
  if (from !== undefined) scope.from = from;
  if (to !== undefined) scope.to = to;
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError('--from must not be after --to');
  const team = str(values.team);
  const owner = str(values.owner);
  if (team !== undefined) scope.team = team;
  if (owner !== undefined) scope.owner = owner;
  return scope;
}

export async function reportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv, OPTIONS);
  const kind = positionals[0] as ReportKind | undefined;
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`say which report: ${REPORT_KINDS.join('|')}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const db = requireDb(values);
  const scope = scopeOf(values);
  const quarter = str(values.quarter);
  if (quarter !== undefined && !QUARTER.test(quarter))
    throw new UsageError(`--quarter must look like 2026Q4, not "${quarter}"`);
  for (const [option, kinds] of Object.entries(ONLY_FOR))
    if (values[option] !== undefined && !kinds.includes(kind))
      console.error(`funnel report ${kind}: --${option} is not used by this report`);

  const changes = kind === 'changes' ? changesInput(values, scope, quarter) : null;
  const result: unknown = await withSession(db, { create: false }, ({ call }): Promise<unknown> =>
    changes
      ? call('report.changes', changes)
      : kind === 'forecast'
        ? call('report.forecast', { ...scope, ...(quarter !== undefined ? { quarter } : {}) })
        : call(`report.${kind as Exclude<ReportKind, 'changes' | 'forecast'>}`, scope),
  );
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(reportTable(kind, result));
}

function changesInput(values: Values, scope: ReportScope, quarter: string | undefined): ChangesScope {
  if (scope.from === undefined || scope.to === undefined)
    throw new UsageError('changes needs --from T0 and --to T1');
  const periodStart = instant(values, 'period-start');
  const periodEnd = instant(values, 'period-end');
  if ((periodStart === undefined) !== (periodEnd === undefined))
    throw new UsageError('--period-start and --period-end go together');
  if (periodStart !== undefined && quarter !== undefined)
    throw new UsageError('give either --quarter or --period-start/--period-end, not both');
  if (periodStart !== undefined && periodEnd !== undefined && periodStart > periodEnd)
    throw new UsageError('--period-start must not be after --period-end');
  return {
    ...scope,
    from: scope.from,
    to: scope.to,
    ...(periodStart !== undefined && periodEnd !== undefined ? { periodStart, periodEnd } : {}),
    ...(quarter !== undefined ? { quarter } : {}),
  };
}
