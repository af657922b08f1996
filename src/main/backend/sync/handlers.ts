import type { syncChannels } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { createConnector } from './connectors';
import { runSync } from './engine';

export const syncHandlers = ({ ws, emit, analytics }: BackendContext): Handlers<typeof syncChannels> => ({
  'sync.run': async ({ source, url, tokenEnv }) => {
    // Read here, in the backend's own process, so the token never travels in a call.
    const token = process.env[tokenEnv]?.trim();
    if (!token) throw new WorkbenchError('invalid_input', msg('sync_token_missing', { variable: tokenEnv }));
    return runSync(
      ws,
      { kind: source, baseUrl: url },
      (http) => createConnector(source, { baseUrl: url, token, http }),
      {
        tokenSource: msg('sync_token_in_env', { variable: tokenEnv }),
        onProgress: (p) => emit('sync.progress', p),
        // Each committed page: the next report re-reads the deals it wrote.
        onCommitted: () => analytics.invalidate(),
      },
    );
  },
});
