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
    // The flags column waits for no build: until the snapshot is ready (the first seconds
    // after a large workspace opens) rows come without flags, and the build is started.
    // Filtering by flags or a drill-through needs the engine, and builds it if need be.
    const needsEngine = Boolean(query.filter.drill) || Boolean(query.filter.flags?.length);
    const snapshot = needsEngine ? analytics.current() : analytics.ready();
    if (!snapshot) analytics.warm();
    if (!snapshot) return listDeals(ws.db, loadStages(ws), now, query);
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
