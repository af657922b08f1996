import type { pipelineChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { loadStages } from '../stages/model';
import { workspaceNow } from '../workspace/settings';
import { listDeals } from './deal-list';
import { listFacets } from './facets';

export const pipelineHandlers = ({ ws }: BackendContext): Handlers<typeof pipelineChannels> => ({
  'pipeline.facets': () => listFacets(ws),
  'pipeline.list': (query) => listDeals(ws.db, loadStages(ws), workspaceNow(ws), query),
});
