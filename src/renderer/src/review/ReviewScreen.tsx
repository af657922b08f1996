import { useRoute } from '../shell/route';
import { CompareReviews } from './CompareReviews';
import { MinutesView } from './MinutesView';
import { PrepareReview } from './PrepareReview';
import { ReviewHome } from './ReviewHome';

const idOf = (text: string | null) => (text && /^\d+$/.test(text) ? Number(text) : null);

/** The review area inside the workbench's frame: the list, preparing one, comparing two. */
export function ReviewScreen() {
  const { params } = useRoute();
  const view = params.get('view');
  if (view === 'prepare')
    return <PrepareReview key={params.get('id') ?? 'new'} id={idOf(params.get('id'))} />;
  const id = idOf(params.get('id'));
  if (view === 'minutes' && id !== null) return <MinutesView id={id} />;
  const a = idOf(params.get('a'));
  const b = idOf(params.get('b'));
  if (view === 'compare' && a !== null && b !== null) return <CompareReviews a={a} b={b} />;
  return <ReviewHome />;
}

/** The presenter and audience views take the whole screen, without the workbench's frame. */
export function projectorView(
  area: string,
  params: URLSearchParams,
): { view: 'run' | 'audience'; id: number } | null {
  const view = params.get('view');
  const id = idOf(params.get('id'));
  if (area !== 'review' || id === null || (view !== 'run' && view !== 'audience')) return null;
  return { view, id };
}
