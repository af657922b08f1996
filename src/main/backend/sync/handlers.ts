import type { CrmConnectionView, syncChannels } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { BackendContext } from '../context';
import { first, run } from '../db/query';
import type { Handlers } from '../registry';
import { connectionViews, mappingRows, quarantinedOf, runsOf } from './connections';
import { createConnector } from './connectors';
import { CRM_NAMES, runSync, stopError } from './engine';
import { remapConnection } from './mapping';
import { whoAmI } from './account';
import { claimConnection } from './runs';
import { SyncService, type ConnectionOptions } from './service';

export const syncHandlers = (
  ctx: BackendContext,
  service = new SyncService(ctx),
): Handlers<typeof syncChannels> => {
  const { ws, emit, analytics, secrets } = ctx;
  const view = (id: number): CrmConnectionView => {
    const found = connectionViews(ws, (c) => service.progressOf(c)).find((c) => c.id === id);
    if (!found) throw new WorkbenchError('not_found', msg('sync_connection_missing', { id }));
    return found;
  };
  const connection = (id: number) => {
    const row = first(ws, ws.db.selectFrom('crm_connections').selectAll().where('id', '=', id));
    if (!row) throw new WorkbenchError('not_found', msg('sync_connection_missing', { id }));
    return row;
  };
  const notRunning = (id: number) => {
    if (service.isRunning(id)) throw new WorkbenchError('busy', msg('sync_running'));
  };

  return {
    'sync.run': async ({ source, url, tokenEnv }) => {
      // Read here, in the backend's own process, so the token never travels in a call.
      const token = process.env[tokenEnv]?.trim();
      if (!token)
        throw new WorkbenchError('invalid_input', msg('sync_token_missing', { variable: tokenEnv }));
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

    'sync.connections': () => ({
      connections: connectionViews(ws, (id) => service.progressOf(id)),
      secrets: { backend: secrets?.backend ?? null },
    }),

    'sync.connect': async (input) => {
      const { kind, url } = input;
      let token: string;
      const options: ConnectionOptions = {};
      if ('tokenEnv' in input) {
        token = process.env[input.tokenEnv]?.trim() ?? '';
        if (!token)
          throw new WorkbenchError('invalid_input', msg('sync_token_missing', { variable: input.tokenEnv }));
        options.tokenEnv = input.tokenEnv;
      } else {
        if (!secrets) throw new WorkbenchError('invalid_input', msg('sync_token_env_only'));
        if (secrets.backend === 'basic_text' && !input.allowBasicText)
          throw new WorkbenchError('conflict', msg('sync_basic_text_confirm'), { confirm: 'basic_text' });
        token = input.token;
      }
      let account;
      try {
        account = await whoAmI(service.connector(kind, url, token, {}), CRM_NAMES[kind], url);
      } catch (e) {
        const source = options.tokenEnv
          ? msg('sync_token_in_env', { variable: options.tokenEnv })
          : msg('sync_token_entered');
        const { say, reason } = stopError(e, CRM_NAMES[kind], url, 0, source);
        throw new WorkbenchError(reason === 'token_rejected' ? 'unauthorized' : 'crm', say);
      }
      const ciphertext = options.tokenEnv ? null : await secrets!.encrypt(token);
      const id = ws.sqlite.transaction(() => {
        const id = claimConnection(ws, kind, url, account, Date.now());
        const kept = JSON.parse(connection(id).options) as ConnectionOptions;
        run(
          ws,
          ws.db
            .updateTable('crm_connections')
            .set({
              label: account.label,
              token_ciphertext: ciphertext,
              token_storage: ciphertext ? secrets!.backend : null,
              // A new token source replaces the old; the schedule and field choices stay.
              options: JSON.stringify({ ...kept, tokenEnv: options.tokenEnv }),
            })
            .where('id', '=', id),
        );
        return id;
      })();
      return view(id);
    },

    'sync.test': async ({ connectionId }) => {
      const c = connection(connectionId);
      const token = await service.tokenFor(connectionId);
      try {
        const account = await whoAmI(
          service.connector(c.kind, c.base_url, token, {}),
          CRM_NAMES[c.kind],
          c.base_url,
        );
        return { label: account.label };
      } catch (e) {
        const { say, reason } = stopError(
          e,
          CRM_NAMES[c.kind],
          c.base_url,
          0,
          msg('sync_token_in_connection'),
        );
        throw new WorkbenchError(reason === 'token_rejected' ? 'unauthorized' : 'crm', say);
      }
    },

    'sync.disconnect': async ({ connectionId }) => {
      connection(connectionId);
      service.cancel(connectionId);
      await service.settled(connectionId);
      // The deals stay, as local copies (connection_id is set null by the foreign key);
      // the cursor, mapping, run log and the stored token go with the connection.
      run(ws, ws.db.deleteFrom('crm_connections').where('id', '=', connectionId));
      return { disconnected: true };
    },

    'sync.mapping': ({ connectionId }) => ({
      rows: mappingRows(ws, connectionId, connection(connectionId).kind),
    }),

    'sync.saveMapping': ({ connectionId, rows }) => {
      const c = connection(connectionId);
      notRunning(connectionId);
      const known = new Set(ws.sqlite.prepare('select key from stages').pluck().all() as string[]);
      for (const r of rows)
        if (r.stageKey !== null && (!known.has(r.stageKey) || r.stageKey.startsWith(`${c.kind}:`)))
          throw new WorkbenchError('invalid_input', msg('sync_mapping_stage_unknown', { stage: r.stageKey }));
      const dealsRemapped = ws.sqlite.transaction(() => {
        const update = ws.sqlite.prepare(
          `update stage_mappings set stage_key = ? where connection_id = ? and upstream_pipeline = ? and upstream_stage = ?`,
        );
        for (const r of rows) update.run(r.stageKey, connectionId, r.pipeline, r.stage);
        const revision = ws.sqlite
          .prepare('select coalesce(max(revision), 0) + 1 from deals')
          .pluck()
          .get() as number;
        return remapConnection(ws, connectionId, c.kind, revision);
      })();
      return { rows: mappingRows(ws, connectionId, c.kind), dealsRemapped };
    },

    'sync.start': ({ connectionId }) => {
      connection(connectionId);
      return { started: service.start(connectionId) };
    },

    'sync.cancel': ({ connectionId }) => ({ cancelled: service.cancel(connectionId) }),

    'sync.runs': ({ connectionId, limit }) => ({
      runs: runsOf(ws, connectionId, limit, (runId) => service.progressOf(connectionId)?.runId === runId),
    }),

    'sync.quarantine': ({ runId, limit }) => quarantinedOf(ws, runId, limit),

    'sync.schedule': ({ connectionId, everyMinutes }) => {
      const options = JSON.parse(connection(connectionId).options) as ConnectionOptions;
      run(
        ws,
        ws.db
          .updateTable('crm_connections')
          .set({ options: JSON.stringify({ ...options, autoSyncMinutes: everyMinutes }) })
          .where('id', '=', connectionId),
      );
      return view(connectionId);
    },
  };
};
