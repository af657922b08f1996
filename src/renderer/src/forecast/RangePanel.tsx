import { Stack, Text, useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rangeHistogramChart } from '@shared/charts/forecast-range';
import type { ForecastRange } from '@shared/contract';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { Panel } from '../analytics/ViewFrame';
import { percent } from './numbers';

/**
 * The quarter's range by simulation: the histogram of the simulated quarters with P10,
 * P50, P90 and the quota, and in words how to read it and what it rests on (runs, seed,
 * the slip rate and the amount changes it drew from).
 */
export function RangePanel({ range, quota }: { range: ForecastRange; quota: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language.startsWith('zh') ? 'zh-CN' : 'en';
  const dark = useComputedColorScheme('light') === 'dark';
  const option = useMemo(() => rangeHistogramChart(range, lang, { quota, dark }), [range, lang, quota, dark]);
  const title = t('forecastView.range.title', { quarter: format.quarter(range.quarter) });
  return (
    <Panel title={title} testId="forecast-range-panel">
      {range.openDeals === 0 ? (
        <Text data-testid="forecast-range-nothing-open">
          {t('forecastView.range.nothingOpen', { won: format.money(range.won) })}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text data-testid="forecast-range-sentence">
            {t('forecastView.range.sentence', {
              p10: format.money(range.p10),
              p50: format.money(range.p50),
              p90: format.money(range.p90),
            })}
          </Text>
          <EChart option={option} title={title} height={400} testId="forecast-range-chart" />
          <Text size="sm" c="dimmed">
            {t('forecastView.range.basis', {
              runs: format.count(range.runs),
              seed: range.seed,
              deals: format.count(range.openDeals),
              slip: percent(range.slipRate, format.language),
              changes: format.count(range.amountChanges),
            })}
          </Text>
        </Stack>
      )}
    </Panel>
  );
}
