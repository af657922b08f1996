import type { workbackChannels } from '@shared/contract/forecast-workback';
import type { BackendContext } from '../../context';
import type { Handlers } from '../../registry';
import { analyticsSettings } from '../../analytics/handlers';
import { workspaceNow } from '../../workspace/settings';
import { readQuotas } from '../quotas';
import { parsePeriod } from './period';
import { workback } from './workback';

/** Working back from the target over the analytics snapshot, with the period's quotas read per call. */
export const workbackHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof workbackChannels> => ({
  'forecast.workback': (input) =>
    workback(
      analytics.current(),
      input,
      workspaceNow(ws),
      readQuotas(ws, parsePeriod(input.period).quarters),
      analyticsSettings(ws).benchmarks,
    ),
});
