import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facets } from '@shared/contract';
import { FORECAST_CATEGORIES, stageLabel, type ForecastCategory, type Stage } from '@shared/domain/stages';
import { useApi } from '../api/ApiProvider';

export const facetsKey = ['pipeline.facets'] as const;

export function useFacets() {
  const api = useApi();
  return useQuery({
    queryKey: facetsKey,
    queryFn: () => api.invoke('pipeline.facets', {}),
    staleTime: 5 * 60_000,
  });
}

const isForecastCategory = (v: string): v is ForecastCategory =>
  (FORECAST_CATEGORIES as readonly string[]).includes(v);

/**
 * Stage and forecast-category names in the UI language. Stage names come from the
 * workspace's stage model (it may be imported or synced), never from the translation
 * files; unknown keys (an unmapped upstream stage) are shown as they are.
 */
export function useLabels(facets: Facets | undefined) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const stages = new Map<string, Stage>((facets?.stages ?? []).map((s) => [s.key, s]));
    return {
      stage: (key: string) => {
        const s = stages.get(key);
        return s ? stageLabel(s, language) : key;
      },
      stageKind: (key: string) => stages.get(key)?.kind ?? 'open',
      forecast: (category: string) => (isForecastCategory(category) ? t(`forecast.${category}`) : category),
    };
  }, [facets, language, t]);
}
