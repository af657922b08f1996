import { useRoute } from '../shell/route';
import { PlanPrint } from './PlanPrint';
import { PlanQueue } from './PlanQueue';
import { PlanReview } from './PlanReview';

const idOf = (text: string | null) => (text && /^\d+$/.test(text) ? Number(text) : null);

/**
 * The pre-call plans area: the manager's queue (`#/plans`), one plan beside its execution
 * record (`#/plans?id=12`), and its print view (`#/plans?id=12&view=print`).
 */
export function PlansScreen() {
  const { params } = useRoute();
  const id = idOf(params.get('id'));
  if (id === null) return <PlanQueue />;
  if (params.get('view') === 'print') return <PlanPrint key={id} id={id} />;
  return <PlanReview key={id} id={id} />;
}
