import type { forecastHorizonsChannels } from '@shared/contract';
import type { BackendContext } from '../../context';
import type { Handlers } from '../../registry';
import { stageView } from '../../analytics/stage-view';
import { workspaceNow } from '../../workspace/settings';
import { checkStageKeys } from './assumptions';
import { forecastHorizons } from './horizons';
import { readSaved, resetAssumptions, saveAssumptions, storedScope } from './saved';

/**
 * The three horizons over the analytics snapshot with the scope's saved assumptions (read per
 * call: a handful of rows), and the editor's writes. A saved stage win rate must name an open
 * stage of the model as it is now; one saved before a stage was removed is ignored and said.
 */
export const forecastHorizonsHandlers = ({
  ws,
  analytics,
}: BackendContext): Handlers<typeof forecastHorizonsChannels> => ({
  'forecast.horizons': (input) =>
    forecastHorizons(analytics.current(), input, workspaceNow(ws), readSaved(ws, storedScope(input)).values),
  'forecast.assumptions.save': ({ values, ...scope }) => {
    // Removing a saved value (null) is allowed for a stage that has gone from the model since.
    const setting = Object.entries(values.stageWinRate ?? {}).filter(([, v]) => v !== null);
    checkStageKeys(
      setting.map(([stage]) => stage),
      stageView(analytics.current()).open,
    );
    const stored = storedScope(scope);
    ws.sqlite.transaction(() => saveAssumptions(ws, stored, values, Date.now()))();
    return readSaved(ws, stored);
  },
  'forecast.assumptions.reset': (scope) => {
    const stored = storedScope(scope);
    resetAssumptions(ws, stored);
    return readSaved(ws, stored);
  },
  'forecast.assumptions': (scope) => readSaved(ws, storedScope(scope)),
});
