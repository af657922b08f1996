import type { forecastAccuracyChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { workspaceNow } from '../workspace/settings';
import { forecastAccuracy } from './accuracy';
import { SnapshotSchedule } from './snapshot-schedule';
import { listSnapshots, takeSnapshot } from './snapshots';

/**
 * Forecast snapshots and accuracy: a snapshot on demand (and weekly while the app runs,
 * by the schedule), the stored ones, and the backtest against them.
 */
export const forecastAccuracyHandlers = (
  ctx: BackendContext,
  // Started here, like the sync scheduler: the backend's long life is the schedule's.
  _schedule: SnapshotSchedule = new SnapshotSchedule(ctx),
): Handlers<typeof forecastAccuracyChannels> => {
  const { ws, analytics } = ctx;
  return {
    'forecast.snapshot': (scope) =>
      takeSnapshot(ws, analytics.current(), scope, workspaceNow(ws), Date.now(), 'manual'),
    'forecast.snapshots': ({ quarter, limit, ...scope }) =>
      listSnapshots(ws, scope, { ...(quarter ? { quarters: [quarter] } : {}), limit: limit ?? 200 }),
    'forecast.accuracy': (input) => forecastAccuracy(ws, analytics.current(), input, workspaceNow(ws)),
  };
};
