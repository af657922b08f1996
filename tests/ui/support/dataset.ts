import type { DealRow } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';

/**
 * The UI tests' pipeline: deterministic deals with a short stage history each, written as
 * the canonical CSV files and imported into a real workspace, so the screens are tested
 * against the real registry, queries and rules rather than a re-implementation of them.
 */
export const TEAMS = ['East', 'West', 'North'] as const;
export const OWNERS: Record<(typeof TEAMS)[number], string[]> = {
  East: ['Li Wei', 'Zhang Min'],
  West: ['Wang Fang', 'Chen Jie'],
  North: ['Liu Yang'],
};
const FORECASTS = ['pipeline', 'best_case', 'commit'] as const;
/** The workspace's fixed "now". */
export const NOW = Date.parse('2026-11-20T00:00:00Z');

/** A deal as imported: the columns the screens show, plus when it was created and entered its stage. */
export interface DatasetDeal extends Pick<
  DealRow,
  'id' | 'name' | 'account' | 'owner' | 'team' | 'amount' | 'stage' | 'forecastCategory'
> {
  closeDate: string;
  createdAt: number;
  stageEnteredAt: number;
}

export function makeDeal(i: number): DatasetDeal {
  const team = TEAMS[i % TEAMS.length]!;
  const owners = OWNERS[team];
  // Every 10th deal is closed (won or lost); the rest are open, as in a live pipeline.
  const open = DEFAULT_STAGES.filter((s) => s.kind === 'open');
  const stage = i % 10 === 9 ? DEFAULT_STAGES[5 + (((i / 10) | 0) % 2)]! : open[i % open.length]!;
  const daysInStage = (i * 7) % 40;
  const stageEnteredAt = NOW - daysInStage * DAY_MS;
  return {
    id: `D${String(i + 1).padStart(5, '0')}`,
    name: `Deal ${String(i + 1).padStart(4, '0')}`,
    account: `Account ${(i * 13) % 97}`,
    owner: owners[i % owners.length]!,
    team,
    amount: ((i * 7919) % 500) * 1000 + 5000,
    stage: stage.key,
    closeDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    forecastCategory: stage.kind === 'open' ? FORECASTS[i % 3]! : 'closed',
    createdAt: stageEnteredAt - 30 * DAY_MS,
    stageEnteredAt,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The stages a deal went through: need, another stage, then its own (three visits each). */
export const stagePath = (d: DatasetDeal): [string, string, string] => [
  'need',
  d.stage === 'solution' ? 'proposal' : 'solution',
  d.stage,
];

/** deals.csv and history.csv for `count` deals, each through its `stagePath`. */
export function datasetFiles(count: number) {
  const deals = Array.from({ length: count }, (_, i) => makeDeal(i));
  const dealLines = [
    'id,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category,lost_reason,product,next_step,updated_at',
    ...deals.map((d) =>
      [
        d.id,
        d.name,
        d.account,
        d.owner,
        d.team,
        d.amount,
        'CNY',
        d.stage,
        iso(d.createdAt),
        d.closeDate,
        d.forecastCategory,
        d.stage === 'lost' ? 'Price' : '',
        'Workbench Pro',
        'Send the revised quote',
        iso(d.stageEnteredAt),
      ].join(','),
    ),
  ];
  const historyLines = ['deal_id,field,value,changed_at'];
  for (const d of deals) {
    historyLines.push(
      `${d.id},stage,${stagePath(d)[0]},${iso(d.createdAt)}`,
      `${d.id},stage,${stagePath(d)[1]},${iso(d.stageEnteredAt - 10 * DAY_MS)}`,
      `${d.id},stage,${stagePath(d)[2]},${iso(d.stageEnteredAt)}`,
      `${d.id},amount,${d.amount / 2},${iso(d.createdAt)}`,
      `${d.id},amount,${d.amount},${iso(d.stageEnteredAt)}`,
      `${d.id},close_date,${d.closeDate},${iso(d.createdAt)}`,
      `${d.id},forecast_category,${d.forecastCategory},${iso(d.createdAt)}`,
    );
  }
  return {
    deals,
    files: {
      deals: { name: 'deals.csv', text: dealLines.join('\n') },
      history: { name: 'history.csv', text: historyLines.join('\n') },
    },
  };
}
