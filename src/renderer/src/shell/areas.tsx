import {
  IconAlertSquareRounded,
  IconChartArrowsVertical,
  IconChartFunnel,
  IconClipboardCheck,
  IconGauge,
  IconGridDots,
  IconLayoutDashboard,
  IconListNumbers,
  IconPlugConnected,
  IconPresentation,
  IconSchool,
  IconSettings,
  IconTable,
  IconTrendingUp,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { AttentionScreen } from '../analytics/AttentionScreen';
import { ChangesScreen } from '../analytics/ChangesScreen';
import { CohortsScreen } from '../analytics/CohortsScreen';
import { FunnelScreen } from '../analytics/FunnelScreen';
import { ForecastScreen } from '../forecast/ForecastScreen';
import { OverviewScreen } from '../analytics/OverviewScreen';
import { RepsScreen } from '../analytics/RepsScreen';
import { VelocityScreen } from '../analytics/VelocityScreen';
import type { en } from '../i18n/en';
import { MentorsScreen } from '../mentors/MentorsScreen';
import { PipelineScreen } from '../pipeline/PipelineScreen';
import { PlansScreen } from '../plans/PlansScreen';
import { ReviewScreen } from '../review/ReviewScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { DataSourcesScreen } from '../sources/DataSourcesScreen';
import { StageModelScreen } from '../stages/StageModelScreen';

export interface Area {
  id: string;
  label: `nav.${Exclude<keyof typeof en.nav, 'label'>}`;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  Screen: ComponentType;
}

/**
 * The product's areas, in navigation order; an area's id is its URL (`#/funnel`). Only
 * finished areas are listed: a manager should never click into a placeholder. Adding an
 * area is one line here.
 */
export const AREAS: readonly Area[] = [
  { id: 'pipeline', label: 'nav.pipeline', icon: IconTable, Screen: PipelineScreen },
  { id: 'overview', label: 'nav.overview', icon: IconLayoutDashboard, Screen: OverviewScreen },
  { id: 'funnel', label: 'nav.funnel', icon: IconChartFunnel, Screen: FunnelScreen },
  { id: 'velocity', label: 'nav.velocity', icon: IconGauge, Screen: VelocityScreen },
  { id: 'changes', label: 'nav.changes', icon: IconChartArrowsVertical, Screen: ChangesScreen },
  { id: 'cohorts', label: 'nav.cohorts', icon: IconGridDots, Screen: CohortsScreen },
  { id: 'reps', label: 'nav.reps', icon: IconUsers, Screen: RepsScreen },
  { id: 'mentors', label: 'nav.mentors', icon: IconSchool, Screen: MentorsScreen },
  { id: 'attention', label: 'nav.attention', icon: IconAlertSquareRounded, Screen: AttentionScreen },
  { id: 'forecast', label: 'nav.forecast', icon: IconTrendingUp, Screen: ForecastScreen },
  { id: 'review', label: 'nav.review', icon: IconPresentation, Screen: ReviewScreen },
  { id: 'plans', label: 'nav.plans', icon: IconClipboardCheck, Screen: PlansScreen },
  { id: 'sources', label: 'nav.sources', icon: IconPlugConnected, Screen: DataSourcesScreen },
  { id: 'stages', label: 'nav.stages', icon: IconListNumbers, Screen: StageModelScreen },
  { id: 'settings', label: 'nav.settings', icon: IconSettings, Screen: SettingsScreen },
];
