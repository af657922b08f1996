import { EmptyState, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accuracyByWeeksChart, forecastVsActualChart } from '@shared/charts/forecast-accuracy';
import type { ForecastAccuracy } from '@shared/contract';
import { Panel, ReportState } from '../analytics/ViewFrame';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { bestMethod, MethodAccuracyTable, RepAccuracyTable } from './AccuracyTables';
import type { ForecastInputs } from './forecast-scope';
import { ModelPanel } from './ModelPanel';
import { percent } from './numbers';
import { useForecastAccuracy, useModelSummary } from './useForecast';

/** Seconds since `running` turned true (0 while it is false), ticking once a second. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return running ? seconds : 0;
}

/** Whether the backtest has anything to measure: some past quarter with something won. */
const measurable = (a: ForecastAccuracy) => a.accuracy.some((m) => m.n > 0);

/**
 * How close each forecast method came in past quarters: every method replayed 13, 8, 4 and
 * 1 weeks before each quarter's end against what was won (MAPE and bias), with what the
 * stored snapshots said at the time beside the replay; per rep; how far apart the methods
 * were; and the win model's calibration. The replay takes seconds on a large workspace: it
 * is asked for only when this tab opens, and says it is working while it does.
 */
export function AccuracyTab({ inputs }: { inputs: ForecastInputs }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const chartLang = lang.startsWith('zh') ? 'zh-CN' : 'en';
  const query = useForecastAccuracy(inputs.accuracy);
  const model = useModelSummary(inputs.model);
  const fetching = query.isFetching;
  const elapsed = useElapsed(fetching);
  const accuracy = query.data;
  const [weeks, setWeeks] = useState<number | null>(null);
  const checkpoint = accuracy ? (weeks ?? accuracy.weeksBefore.at(-1) ?? 1) : 1;

  const byWeeks = useMemo(
    () => (accuracy ? accuracyByWeeksChart(accuracy, chartLang) : null),
    [accuracy, chartLang],
  );
  const vsActual = useMemo(
    () => (accuracy ? forecastVsActualChart(accuracy, checkpoint, chartLang) : null),
    [accuracy, checkpoint, chartLang],
  );
  const best = accuracy ? bestMethod(accuracy) : null;

  return (
    <Stack gap="md">
      {fetching && (
        <Stack gap={6} role="status" aria-live="polite" data-testid="accuracy-progress">
          <Text size="sm">{t('forecastView.accuracy.replaying', { seconds: elapsed })}</Text>
          <Progress value={100} animated striped aria-hidden />
        </Stack>
      )}
      <ReportState error={query.error} loading={false} />
      {accuracy && !measurable(accuracy) && (
        <EmptyState
          icon={<IconHistory size={28} aria-hidden />}
          withIndicatorBackground
          title={t('forecastView.accuracy.emptyTitle')}
          description={t('forecastView.accuracy.emptyBody', {
            from: format.quarter(accuracy.quarters[0] ?? ''),
            to: format.quarter(accuracy.quarters.at(-1) ?? ''),
          })}
          data-testid="accuracy-empty"
        />
      )}
      {accuracy && measurable(accuracy) && byWeeks && vsActual && (
        <>
          <Text data-testid="accuracy-summary">
            {t('forecastView.accuracy.summary', {
              count: accuracy.quarters.length,
              from: format.quarter(accuracy.quarters[0]!),
              to: format.quarter(accuracy.quarters.at(-1)!),
            })}{' '}
            {best &&
              t('forecastView.accuracy.bestSentence', {
                method: t(`forecastView.accuracy.methods.${best}`),
                mape: percent(accuracy.accuracy.find((m) => m.method === best)!.mape, lang),
              })}
          </Text>
          <Panel title={t('forecastView.accuracy.byWeeksTitle')} testId="accuracy-by-weeks">
            <EChart
              option={byWeeks}
              title={t('forecastView.accuracy.byWeeksTitle')}
              height={400}
              testId="accuracy-chart"
            />
          </Panel>
          <Panel title={t('forecastView.accuracy.vsActualTitle')} testId="accuracy-vs-actual">
            <Group mb="xs" gap="sm">
              <Text size="sm" id="accuracy-checkpoint-label">
                {t('forecastView.accuracy.checkpoint')}
              </Text>
              <SegmentedControl
                aria-labelledby="accuracy-checkpoint-label"
                value={String(checkpoint)}
                onChange={(v) => setWeeks(Number(v))}
                data={accuracy.weeksBefore.map((w) => ({
                  value: String(w),
                  label: t('forecastView.accuracy.weeksBefore', { count: w }),
                }))}
                data-testid="accuracy-checkpoint"
              />
            </Group>
            <EChart
              option={vsActual}
              title={t('forecastView.accuracy.vsActualChart', {
                weeks: t('forecastView.accuracy.weeksBefore', { count: checkpoint }),
              })}
              height={360}
              testId="accuracy-vs-actual-chart"
            />
          </Panel>
          <Panel title={t('forecastView.accuracy.methodsTable')} testId="accuracy-methods-panel">
            <Text size="sm" mb="sm">
              {t('forecastView.accuracy.howToRead')}
            </Text>
            <MethodAccuracyTable accuracy={accuracy} />
            <Text size="sm" mt="sm" data-testid="accuracy-spread">
              {t('forecastView.accuracy.spread', {
                mean: percent(accuracy.spread.mean, lang),
                byWeeks: accuracy.spread.byWeeks
                  .map((s) =>
                    t('forecastView.accuracy.spreadAt', {
                      weeks: t('forecastView.accuracy.weeksBefore', { count: s.weeksBefore }),
                      mean: percent(s.mean, lang),
                    }),
                  )
                  .join(t('forecastView.accuracy.listSeparator')),
              })}
            </Text>
          </Panel>
          {accuracy.reps.length > 0 && (
            <Panel title={t('forecastView.accuracy.repsTable')} testId="accuracy-reps-panel">
              <RepAccuracyTable accuracy={accuracy} />
            </Panel>
          )}
        </>
      )}
      <ReportState error={model.error} loading={model.isLoading} />
      {model.data && <ModelPanel summary={model.data} />}
    </Stack>
  );
}
