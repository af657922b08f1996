import type { reportChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { readSetting, workspaceNow, writeSetting } from '../workspace/settings';
import { loadStages } from '../stages/model';
import { DEFAULT_BANDS } from './pipeline';
import type { AnalyticsSettings } from '@shared/contract';
import { openStages } from '@shared/domain/stages';
import { attentionReport } from './attention';
import { changesReport } from './changes';
import { cohortsReport } from './cohorts';
import { funnelReport } from './funnel';
import { pipelineReport } from './pipeline';
import { repsReport } from './reps';
import { velocityReport } from './velocity';

/** Reports read the analytics snapshot; "now" (the default as-of) is the workspace's clock. */
export const reportHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof reportChannels> => ({
  'report.funnel': (scope) => funnelReport(analytics.current(), scope, workspaceNow(ws)),
  'report.velocity': (scope) => velocityReport(analytics.current(), scope, workspaceNow(ws)),
  'report.changes': (scope) => changesReport(analytics.current(), scope, workspaceNow(ws)),
  'report.cohorts': (scope) => cohortsReport(analytics.current(), scope, workspaceNow(ws)),
  'report.attention': (scope) => attentionReport(analytics.current(), scope, workspaceNow(ws)),
  // The size bands the manager set apply unless the caller names its own.
  'report.pipeline': (scope) =>
    pipelineReport(
      analytics.current(),
      { ...scope, bands: scope.bands ?? analyticsSettings(ws).bands },
      workspaceNow(ws),
    ),
  'report.reps': (scope) => repsReport(analytics.current(), scope, workspaceNow(ws)),
  'analytics.settings': () =>
    readSetting<AnalyticsSettings | null>(ws, 'analytics', null) ?? defaultSettings(ws),
  'analytics.saveSettings': (settings) => {
    writeSetting(ws, 'analytics', settings);
    return settings;
  },
});

/** The funnel's benchmark rates and size bands as the manager set them, else the defaults. */
export const analyticsSettings = (ws: BackendContext['ws']): AnalyticsSettings =>
  readSetting<AnalyticsSettings | null>(ws, 'analytics', null) ?? defaultSettings(ws);

/**
 * The field's benchmark conversions for the later stage steps (60% / 40% / 30%: the
 * third-last open stage to the next, the second-last, the last to won), and size bands.
 */
function defaultSettings(ws: BackendContext['ws']): AnalyticsSettings {
  const open = openStages(loadStages(ws));
  const rates = [0.6, 0.4, 0.3];
  const benchmarks: Record<string, number> = {};
  open.slice(-rates.length).forEach((s, i, later) => {
    benchmarks[s.key] = rates[rates.length - later.length + i]!;
  });
  return { benchmarks, bands: DEFAULT_BANDS };
}
