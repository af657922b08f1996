import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { ChartContext } from '@shared/charts/common';
import type { ReportFrame } from '@shared/contract';
import { dayOf } from '@shared/time';
import { useFacets } from '../pipeline/useFacets';
import type { useFormat } from '../format/useFormat';
import { useTranslation } from 'react-i18next';

/** What the chart builders need: the UI language and the stage model. */
export function useChartContext(): ChartContext | null {
  const { i18n } = useTranslation();
  const stages = useFacets().data?.stages;
  return useMemo(
    () => (stages ? { lang: i18n.language.startsWith('zh') ? 'zh-CN' : 'en', stages } : null),
    [stages, i18n.language],
  );
}

/** "2025-12-01 – 2026-11-30, as of 2026-11-30": the window a report answered. */
export function windowText(t: TFunction, format: ReturnType<typeof useFormat>, r: ReportFrame): string {
  const last = (iso: string) => format.day(dayOf(Date.parse(iso) - 1));
  const asOf = last(r.asOf);
  return r.from
    ? t('analytics.window', { from: format.day(r.from.slice(0, 10)), to: last(r.to), asOf })
    : t('analytics.windowAll', { asOf });
}
