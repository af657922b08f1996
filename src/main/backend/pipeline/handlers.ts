import type { pipelineChannels } from '@shared/contract';
import { drillSeqs, flagsAt } from '../analytics/drill';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { loadStages } from '../stages/model';
import { workspaceNow } from '../workspace/settings';
import { listDeals } from './deal-list';
import { listFacets } from './facets';

export const pipelineHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof pipelineChannels> => ({
  'pipeline.facets': () => listFacets(ws),
  'pipeline.list': (query) => {
    const now = workspaceNow(ws);
    const snapshot = analytics.current();
    const flags = flagsAt(snapshot, now);
    // The engine names the deals of a drill-through and of the flags filter; SQL pages them.
    let only: number[] | null = null;
    if (query.filter.drill) only = drillSeqs(snapshot, query.filter.drill, now);
    if (query.filter.flags?.length) {
      const wanted = new Set(query.filter.flags);
      const flagged = [...flags.bySeq].filter(([, f]) => f.some((x) => wanted.has(x))).map(([seq]) => seq);
      only = only === null ? flagged : flagged.filter((seq) => new Set(only).has(seq));
    }
    return listDeals(ws.db, loadStages(ws), now, query, { only, flags: flags.byId });
  },
});
