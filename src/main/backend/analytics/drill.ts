import type { Drill } from '@shared/contract';
import type { AttentionFlag } from '@shared/domain/attention';
import { attentionReport } from './attention';
import { changesReport } from './changes';
import { cohortsReport } from './cohorts';
import { funnelReport } from './funnel';
import { pipelineReport } from './pipeline';
import { repsReport } from './reps';
import { Members } from './scope';
import type { Snapshot } from './snapshot';
import { velocityReport } from './velocity';

/** The `deals.seq` of the deals behind one cell of a report: the drill-through. */
export function drillSeqs(s: Snapshot, drill: Drill, now: number): number[] {
  const members = new Members(drill.cell);
  switch (drill.report) {
    case 'funnel':
      funnelReport(s, drill.scope, now, members);
      break;
    case 'velocity':
      velocityReport(s, drill.scope, now, members);
      break;
    case 'changes':
      changesReport(s, drill.scope, now, members);
      break;
    case 'cohorts':
      cohortsReport(s, drill.scope, now, members);
      break;
    case 'attention':
      attentionReport(s, drill.scope, now, members);
      break;
    case 'pipeline':
      pipelineReport(s, drill.scope, now, members);
      break;
    case 'reps':
      repsReport(s, drill.scope, now, members);
      break;
  }
  return members.deals.map((d) => s.deals.seq[d]!);
}

/**
 * Every flagged deal's flags at `now`, by deal id, for the deals table's column and
 * filter: one attention report per snapshot and instant, kept while both stay the same.
 */
const flagCache = new WeakMap<
  Snapshot,
  { now: number; byId: Map<string, AttentionFlag[]>; bySeq: Map<number, AttentionFlag[]> }
>();

export function flagsAt(
  s: Snapshot,
  now: number,
): { byId: Map<string, AttentionFlag[]>; bySeq: Map<number, AttentionFlag[]> } {
  const cached = flagCache.get(s);
  if (cached && cached.now === now) return cached;
  const members = new Members('all');
  const report = attentionReport(s, { asOf: now }, now, members);
  const byId = new Map(report.deals.map((d) => [d.id, d.flags]));
  const bySeq = new Map(members.deals.map((d, i) => [s.deals.seq[d]!, report.deals[i]!.flags]));
  const entry = { now, byId, bySeq };
  flagCache.set(s, entry);
  return entry;
}
