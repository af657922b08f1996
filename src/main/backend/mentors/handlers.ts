import type { AnalyticsSettings, mentorChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { DEFAULT_BANDS } from '../analytics/pipeline';
import { mentoredDeals } from '../analytics/mentor-deals';
import { mentorTags } from '../analytics/mentor-tags';
import { mentorsReport } from '../analytics/mentors';
import { mentorsView } from '../analytics/mentors-view';
import { stageNamer } from '../review/handlers';
import { loadStages } from '../stages/model';
import { readSetting, workspaceNow } from '../workspace/settings';
import { mentorPeople, restoreTags, tagDeals, tagsOfDeal, untagDeals } from './assignments';
import { payrollWorkbook } from './payroll';

/**
 * Mentor deals (师徒制): the report and the view read the analytics snapshot with the tags
 * beside it; tagging writes `mentor_assignments` (the registry then invalidates the
 * snapshot, so the next report sees the new tags). "Now" is the workspace's clock.
 */
export const mentorHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof mentorChannels> => {
  const read = () => {
    const s = analytics.current();
    return { s, tags: mentorTags(ws, s), now: workspaceNow(ws) };
  };
  // The size bands the manager set for the pipeline view are the lift's bands too.
  const bands = () => readSetting<AnalyticsSettings | null>(ws, 'analytics', null)?.bands ?? DEFAULT_BANDS;
  return {
    'report.mentors': (scope) => {
      const { s, tags, now } = read();
      return mentorsReport(s, tags, scope, now);
    },
    'mentors.view': (scope) => {
      const { s, tags, now } = read();
      return mentorsView(s, tags, scope, now, bands());
    },
    'mentors.deals': (scope) => {
      const { s, tags, now } = read();
      return mentoredDeals(s, tags, scope, now);
    },
    'mentors.exportXlsx': ({ lang, ...scope }) => {
      const { s, tags, now } = read();
      return payrollWorkbook(
        mentorsView(s, tags, scope, now, bands()),
        mentoredDeals(s, tags, scope, now),
        lang,
        stageNamer(loadStages(ws), lang),
      );
    },
    'mentors.forDeal': ({ dealId }) => tagsOfDeal(ws, dealId),
    'mentors.people': () => mentorPeople(ws),
    'mentors.tag': (input) => tagDeals(ws, input, workspaceNow(ws)),
    'mentors.untag': (input) => untagDeals(ws, input),
    'mentors.restore': ({ tags }) => restoreTags(ws, tags),
  };
};
