import { useMemo } from 'react';
import type { ReportScope } from '@shared/contract';
import { useRouteParams } from '../shell/route';
import { useWorkspace } from '../workspace/useWorkspace';
import { readFilters, toScope, type SharedFilters } from './scope';

/** The shared filters from the URL, the scope they stand for, and a setter that writes the URL. */
export function useSharedFilters(): {
  filters: SharedFilters;
  scope: (ReportScope & { asOf: number }) | null;
  set: (changes: Partial<Record<keyof SharedFilters, string | null>>) => void;
  params: URLSearchParams;
  setParams: (changes: Record<string, string | null>) => void;
} {
  const [params, setParams] = useRouteParams();
  const workspace = useWorkspace();
  const key = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(key)), [key]);
  const now = workspace.data ? Date.parse(workspace.data.now) : null;
  const scope = useMemo(() => (now === null ? null : toScope(filters, now)), [filters, now]);
  return { filters, scope, set: setParams, params, setParams };
}
