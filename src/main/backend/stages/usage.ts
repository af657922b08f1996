import type { StageUsage } from '@shared/domain/stage-model';
import { all, type Db } from '../db/query';

/**
 * Who uses each stage key: the deals in it now (deleted ones included: a deal deleted
 * upstream is kept with its history and still counts where it counted) and the deals
 * whose stored stage history passes through it. Keys nobody uses are absent. Two scans
 * (the deals, then the history's stage rows), run when the model is listed or a save
 * removes a stage or changes a stage's kind.
 */
export function stageUsage(ws: Db): Map<string, StageUsage> {
  const usage = new Map<string, StageUsage>();
  const entry = (key: string) => {
    let u = usage.get(key);
    if (!u) usage.set(key, (u = { deals: 0, history: 0 }));
    return u;
  };
  const current = ws.db
    .selectFrom('deals')
    .select((eb) => ['stage', eb.fn.countAll<number>().as('n')])
    .groupBy('stage');
  for (const r of all(ws, current)) entry(r.stage).deals = r.n;
  const passed = ws.db
    .selectFrom('deal_history')
    .select((eb) => ['value', eb.fn.count<number>('deal_seq').distinct().as('n')])
    .where('field', '=', 'stage')
    .groupBy('value');
  for (const r of all(ws, passed)) entry(r.value).history = r.n;
  return usage;
}
