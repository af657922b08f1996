import type { Workback, WorkbackInput } from '@shared/contract/forecast-workback';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { parseTimestamp } from '@shared/time';
import { upsertQuotas, type QuotaValues } from '@backend/forecast/quotas';
import type { Registry } from '@backend/registry';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

/** Hand-made work-back workspaces: deals walked through stages on given days, and quotas. */

export const at = (day: string): number => parseTimestamp(day)!;

export interface DealSpec {
  id: string;
  owner: string;
  team: string;
  /** [stage, day] from creation on; the last is where it stands. */
  path: [string, string][];
  amount: number;
  /** The close date (expected for open deals); default: the last step's day. */
  close?: string;
}

export function deal(spec: DealSpec): RefDeal {
  return {
    id: spec.id,
    createdAt: at(spec.path[0]![1]),
    stage: spec.path.at(-1)![0],
    amountCents: Math.round(spec.amount * 100),
    closeDate: spec.close ?? spec.path.at(-1)![1],
    forecastCategory: 'pipeline',
    owner: spec.owner,
    team: spec.team,
    nextStep: 'Call',
    lastActivityAt: null,
    deletedAt: null,
    history: spec.path.map(([value, day]) => ({ field: 'stage', value, changedAt: at(day) })),
  };
}

/** n deals from one spec, ids `${prefix}1…n`. */
export const many = (n: number, prefix: string, spec: Omit<DealSpec, 'id'>): RefDeal[] =>
  Array.from({ length: n }, (_, i) => deal({ ...spec, id: `${prefix}${i + 1}` }));

/** Every open stage and won, from `created` on: each step a day later. */
export const WON_PATH = (created: string, won: string): [string, string][] => {
  const t = at(created);
  const day = (k: number) => new Date(t + k * 86_400_000).toISOString().slice(0, 10);
  return [
    ['need', created],
    ['solution', day(1)],
    ['proposal', day(2)],
    ['negotiation', day(3)],
    ['contract', day(4)],
    ['won', won],
  ];
};

export const quota = (quarter: string, team: string, owner: string, amount: number): QuotaValues => ({
  quarter,
  team,
  owner,
  amountCents: amount * 100,
});

export async function workbackWorkspace(
  deals: RefDeal[],
  quotas: QuotaValues[],
): Promise<{ run: (input: WorkbackInput) => Promise<Workback>; registry: Registry }> {
  const { ws, registry } = await workspaceOf([...DEFAULT_STAGES], deals);
  ws.sqlite.transaction(() => upsertQuotas(ws, quotas))();
  return { run: (input) => call<Workback>(registry, 'forecast.workback', input), registry };
}
