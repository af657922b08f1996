import { IconChartFunnel } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { en } from '../i18n/en';
import { PipelineScreen } from '../pipeline/PipelineScreen';

export interface Area {
  id: string;
  label: `nav.${keyof typeof en.nav}`;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  Screen: ComponentType;
}

/**
 * The product's areas, in navigation order. Only finished areas are listed: a manager
 * should never click into a placeholder. Adding an area is one line here.
 */
export const AREAS: readonly Area[] = [
  { id: 'pipeline', label: 'nav.pipeline', icon: IconChartFunnel, Screen: PipelineScreen },
];
