import { Grid, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reliabilityChart } from '@shared/charts/reliability';
import type { WinModelSummary } from '@shared/contract';
import { Panel } from '../analytics/ViewFrame';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { percent } from './numbers';

/**
 * The win-probability model as a forecaster: how well its probabilities match what
 * happened (the reliability curve of past quarters, each predicted by a model that had
 * seen nothing after the quarter's start) beside the stage probabilities, with the mean
 * gaps and Brier scores said in words. Without enough history it says so.
 */
export function ModelPanel({ summary }: { summary: WinModelSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const chartLang = lang.startsWith('zh') ? 'zh-CN' : 'en';
  const option = useMemo(() => reliabilityChart(summary, chartLang), [summary, chartLang]);
  const title = t('forecastView.model.title');
  if (summary.status === 'notEnoughHistory')
    return (
      <Panel title={title} testId="accuracy-model">
        <Text data-testid="accuracy-model-not-enough">{t('forecastView.model.notEnough')}</Text>
      </Panel>
    );
  const { reliability, backtest, training } = summary;
  const brier = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  return (
    <Panel title={title} testId="accuracy-model">
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <EChart
            option={option}
            title={t('forecastView.model.chart')}
            height={420}
            testId="accuracy-reliability"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Text mb="sm">{t('forecastView.model.intro')}</Text>
          <List spacing="xs">
            <List.Item data-testid="accuracy-model-calibration">
              {t('forecastView.model.calibration', {
                model: percent(reliability.calibrationError.model, lang),
                stage: percent(reliability.calibrationError.stage, lang),
              })}
            </List.Item>
            <List.Item>
              {t('forecastView.model.brier', {
                model: brier(backtest.brier.model),
                stage: brier(backtest.brier.stage),
                count: backtest.quarters.length,
              })}
            </List.Item>
            {training && (
              <List.Item>
                {t('forecastView.model.training', {
                  examples: format.count(training.examples),
                  from: format.day(training.firstInstant),
                  to: format.day(training.lastInstant),
                  days: summary.horizonDays,
                })}
              </List.Item>
            )}
          </List>
        </Grid.Col>
      </Grid>
    </Panel>
  );
}
