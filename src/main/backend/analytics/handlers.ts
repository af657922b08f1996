import type { reportChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { workspaceNow } from '../workspace/settings';
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
  'report.pipeline': (scope) => pipelineReport(analytics.current(), scope, workspaceNow(ws)),
  'report.reps': (scope) => repsReport(analytics.current(), scope, workspaceNow(ws)),
});
