import type { Stage } from '@shared/domain/stages';
import type { Snapshot } from './snapshot';

export const UNKNOWN = 0;
export const OPEN = 1;
export const WON = 2;
export const LOST = 3;

/**
 * The stage model as the reports read it, indexed by the snapshot's stage codes: a
 * code's kind and, for an open stage, its rank in the funnel (0 = lowest order). A stage
 * key that the model does not know (an upstream stage not mapped yet) has kind UNKNOWN:
 * it is neither open, won nor lost, so it reaches nothing and never counts as closed.
 */
export interface StageView {
  /** Open stages by ascending order. */
  open: readonly Stage[];
  kind: Uint8Array;
  rank: Int32Array;
  /** Per code, the stage itself (undefined for UNKNOWN). */
  stage: readonly (Stage | undefined)[];
}

export function stageView(s: Snapshot): StageView {
  const codes = s.dictionaries.stage;
  const size = codes.size;
  const kind = new Uint8Array(size);
  const rank = new Int32Array(size).fill(-1);
  const stage: (Stage | undefined)[] = new Array(size).fill(undefined);
  const open = s.stages.filter((st) => st.kind === 'open').sort((a, b) => a.order - b.order);
  for (const st of s.stages) {
    const code = codes.find(st.key);
    if (code < 0 || code >= size) continue;
    kind[code] = st.kind === 'open' ? OPEN : st.kind === 'won' ? WON : LOST;
    stage[code] = st;
  }
  open.forEach((st, r) => {
    const code = codes.find(st.key);
    if (code >= 0 && code < size) rank[code] = r;
  });
  return { open, kind, rank, stage };
}
