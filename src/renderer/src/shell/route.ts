import { useCallback, useEffect, useState } from 'react';

/**
 * Where the workbench is, in the URL's hash (`#/funnel?team=East&period=90d`), so a view
 * with its filters can be bookmarked, reloaded and shared, in a browser tab and in the
 * desktop window alike (the hash never reaches a server and needs no routes on one).
 */
export interface Route {
  area: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [area = '', query = ''] = body.split('?', 2);
  return { area: decodeURIComponent(area), params: new URLSearchParams(query) };
}

export function routeHref(
  area: string,
  params: URLSearchParams | Record<string, string | undefined> = {},
): string {
  const search =
    params instanceof URLSearchParams
      ? params
      : new URLSearchParams(
          Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
        );
  const query = search.toString();
  return `#/${encodeURIComponent(area)}${query ? `?${query}` : ''}`;
}

const ROUTE_CHANGED = 'funnel:route';

/**
 * Moves to a route. `replace` rewrites the current history entry (a filter tweak),
 * otherwise a new entry is pushed (another view, a drill-through), so Back returns.
 */
export function navigate(href: string, replace = false): void {
  if (window.location.hash === href) return;
  if (replace) window.history.replaceState(window.history.state, '', href);
  else window.history.pushState(window.history.state, '', href);
  window.dispatchEvent(new Event(ROUTE_CHANGED));
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    window.addEventListener(ROUTE_CHANGED, update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
      window.removeEventListener(ROUTE_CHANGED, update);
    };
  }, []);
  return parseRoute(hash);
}

/** Reads and writes one view's URL parameters (replacing the history entry). */
export function useRouteParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const route = useRoute();
  const set = useCallback((changes: Record<string, string | null>) => {
    const current = parseRoute(window.location.hash);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') current.params.delete(k);
      else current.params.set(k, v);
    }
    navigate(routeHref(current.area, current.params), true);
  }, []);
  return [route.params, set];
}
