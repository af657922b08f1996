import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { horizonChart } from '@shared/charts/horizons';
import type { HorizonForecast } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { Panel } from '../../analytics/ViewFrame';
import { EChart } from '../../charts/EChart';
import { PeriodsTable } from './PeriodsTable';

/**
 * The horizon drawn and tabled: the past periods' wins beside each period ahead stacked
 * from won, open pipeline and new pipeline under the P10–P90 band, how that band is drawn
 * (in the backend's words), and the same figures per period.
 */
export function HorizonChartPanel({ forecast }: { forecast: HorizonForecast }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const option = useMemo(() => horizonChart(forecast, lang), [forecast, lang]);
  const title = t('horizons.chart.title', { horizon: t(`horizons.horizons.${forecast.horizon}`) });
  return (
    <Panel title={title} testId="horizon-chart-panel">
      <Stack gap="sm">
        <EChart option={option} title={title} height={420} testId="horizon-chart" />
        <Text size="sm" c="dimmed" data-testid="horizon-band">
          {formatMessage(forecast.band, i18n.language)}
        </Text>
        <PeriodsTable forecast={forecast} />
      </Stack>
    </Panel>
  );
}
