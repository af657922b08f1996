import type { Drill } from '@shared/contract';
import { navigate, routeHref } from '../shell/route';

/** Opens the deals table on exactly the deals behind a number (a new history entry: Back returns). */
export function openDrill(drill: Drill, label: string): void {
  navigate(routeHref('pipeline', { drill: JSON.stringify(drill), drillLabel: label }));
}
