import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CrmConnectionView, ResultOf, SyncProgressEvent } from '@shared/contract';
import { useApi } from '../api/ApiProvider';

export type ConnectionsResult = ResultOf<'sync.connections'>;

export const connectionsKey = ['sync.connections'] as const;
export const runsKey = (connectionId: number) => ['sync.runs', connectionId] as const;
export const mappingKey = (connectionId: number) => ['sync.mapping', connectionId] as const;
export const quarantineKey = (runId: number) => ['sync.quarantine', runId] as const;

/** How often a running sync's counts (deals, the run log's running row) are fetched again. */
const REFRESH_WHILE_RUNNING_MS = 1500;

/**
 * The runs this page heard end, per query cache. The backend may answer a refetch with a
 * run's last progress a moment after announcing its end (the run is dropped from its
 * list just after), and a late progress event may trail the end: neither may bring a
 * finished run's bar back.
 */
const finishedRuns = new WeakMap<QueryClient, Set<string>>();
const runId = (connectionId: number, run: number) => `${connectionId}/${run}`;
function finishedIn(queryClient: QueryClient): Set<string> {
  let set = finishedRuns.get(queryClient);
  if (!set) finishedRuns.set(queryClient, (set = new Set()));
  return set;
}

/**
 * A refetch answered before the latest progress event arrived must not move the bar back:
 * for the same run, the furthest progress wins; a run known to have ended shows none.
 */
function settle(
  fresh: ConnectionsResult,
  seen: ConnectionsResult | undefined,
  finished: Set<string>,
): ConnectionsResult {
  const before = new Map((seen?.connections ?? []).map((c) => [c.id, c.running]));
  return {
    ...fresh,
    connections: fresh.connections.map((c) => {
      if (!c.running) return c;
      if (finished.has(runId(c.id, c.running.runId))) return { ...c, running: null };
      const old = before.get(c.id);
      return old && old.runId === c.running.runId && old.records > c.running.records
        ? { ...c, running: old }
        : c;
    }),
  };
}

/** The CRM connections with their last sync and running progress, and what can keep tokens here. */
export function useConnections() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: connectionsKey,
    queryFn: async () =>
      settle(
        await api.invoke('sync.connections', {}),
        queryClient.getQueryData<ConnectionsResult>(connectionsKey),
        finishedIn(queryClient),
      ),
  });
}

export function useRuns(connectionId: number) {
  const api = useApi();
  return useQuery({
    queryKey: runsKey(connectionId),
    queryFn: () => api.invoke('sync.runs', { connectionId, limit: 20 }),
  });
}

export function useMapping(connectionId: number) {
  const api = useApi();
  return useQuery({
    queryKey: mappingKey(connectionId),
    queryFn: () => api.invoke('sync.mapping', { connectionId }),
  });
}

const patchRunning = (
  queryClient: QueryClient,
  connectionId: number,
  running: SyncProgressEvent | null,
): void => {
  queryClient.setQueryData<ConnectionsResult>(connectionsKey, (old) =>
    old
      ? {
          ...old,
          connections: old.connections.map((c): CrmConnectionView =>
            c.id === connectionId ? { ...c, running } : c,
          ),
        }
      : old,
  );
};

/**
 * Keeps the sync figures live wherever they show (the header, the data sources page):
 * each `sync.progress` moves the bar at once and, now and then, refetches the counts it
 * changes; `sync.finished` refetches the connection, its run log and its mapping (a run
 * may meet new upstream stages). The deals themselves refresh through `workspace.changed`.
 * Mount once: the shell's header does.
 */
export function useSyncLive(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let lastRefresh = 0;
    const finished = finishedIn(queryClient);
    const offProgress = api.on('sync.progress', (progress) => {
      if (finished.has(runId(progress.connectionId, progress.runId))) return;
      patchRunning(queryClient, progress.connectionId, progress);
      const now = Date.now();
      if (now - lastRefresh < REFRESH_WHILE_RUNNING_MS) return;
      lastRefresh = now;
      void queryClient.invalidateQueries({ queryKey: connectionsKey });
      void queryClient.invalidateQueries({ queryKey: runsKey(progress.connectionId) });
    });
    const offFinished = api.on('sync.finished', (summary) => {
      finished.add(runId(summary.connectionId, summary.runId));
      patchRunning(queryClient, summary.connectionId, null);
      void queryClient.invalidateQueries({ queryKey: connectionsKey });
      void queryClient.invalidateQueries({ queryKey: runsKey(summary.connectionId) });
      void queryClient.invalidateQueries({ queryKey: mappingKey(summary.connectionId) });
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api, queryClient]);
}
