import type { forecastChannels, Quota } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { forecastReport } from '../analytics/forecast';
import { toMoney } from '../analytics/money';
import { workspaceNow } from '../workspace/settings';
import { readQuotas, saveQuotas } from './quotas';
import { simulateQuarter } from './simulate';

/**
 * Forecasts: PRODUCT.md's forecast report over the analytics snapshot with the quotas
 * beside it (read per call: a handful of rows), and the quota editor's reads and writes.
 */
export const forecastHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof forecastChannels> => ({
  'report.forecast': (scope) =>
    forecastReport(analytics.current(), scope, workspaceNow(ws), readQuotas(ws, null)),
  'forecast.range': ({ runs, seed, ...scope }) =>
    simulateQuarter(analytics.current(), scope, workspaceNow(ws), {
      ...(runs !== undefined ? { runs } : {}),
      ...(seed !== undefined ? { seed } : {}),
    }),
  'quotas.list': ({ quarters }) =>
    readQuotas(ws, quarters ?? null).map((q): Quota => ({
      quarter: q.quarter,
      team: q.team,
      owner: q.owner,
      amount: toMoney(q.amountCents),
    })),
  'quotas.save': ({ quotas }) => ws.sqlite.transaction(() => saveQuotas(ws, quotas))(),
});
