import { Button, Grid, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleTrendChart, stageTimeBoxplot, stalledChart } from '@shared/charts/velocity';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useChartContext, windowText } from './chart-context';
import { openDrill } from './drill';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { EmptyPeriod, Panel, ReportState, ViewFrame } from './ViewFrame';

const d1 = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Speed: how long deals sit in each stage, which are stalled past the dwell limit, and the sales cycle's trend. */
export function VelocityScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const input = useMemo(() => (scope ? { ...scope, distribution: true } : null), [scope]);
  const velocity = useReport('report.velocity', input);
  const report = velocity.data;
  const charts = useMemo(
    () =>
      report && ctx
        ? {
            box: stageTimeBoxplot(report, ctx),
            stalled: stalledChart(report, ctx),
            cycle: cycleTrendChart(report, ctx),
          }
        : null,
    [report, ctx],
  );
  const drill = (cell: string, label: string) =>
    input && openDrill({ report: 'velocity', scope: input, cell }, `${t('velocityView.title')} · ${label}`);
  const empty =
    report &&
    report.openDeals === 0 &&
    report.stages.every((s) => s.count === 0) &&
    report.salesCycle.count === 0;

  return (
    <ViewFrame
      title={t('velocityView.title')}
      subtitle={report ? windowText(t, format, report) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} />}
      testId="view-velocity"
    >
      <ReportState error={velocity.error} loading={velocity.isLoading} />
      {empty && <EmptyPeriod />}
      {report && charts && !empty && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Panel title={t('velocityView.box')}>
              <EChart
                option={charts.box}
                title={t('velocityView.box')}
                testId="velocity-box"
                onDrill={drill}
              />
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Panel title={t('velocityView.stalled')}>
              <EChart
                option={charts.stalled}
                title={t('velocityView.stalled')}
                testId="velocity-stalled"
                onDrill={drill}
              />
              <Text size="sm" mt="xs" data-testid="stalled-rules">
                {report.stages
                  .filter((s) => s.stalled)
                  .map((s) =>
                    t('velocityView.stalledRule', {
                      stage: labels.stage(s.key),
                      count: s.stalled ?? 0,
                      limit: d1(s.dwellLimitDays ?? s.p75Days),
                    }),
                  )
                  .join(' · ')}
              </Text>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Panel title={t('velocityView.tableLabel')}>
              <Table striped aria-label={t('velocityView.tableLabel')} data-testid="velocity-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('analytics.stage')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.medianDays')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.p75Days')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.dwellLimit')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.open')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.stalled')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.stages.map((s) => (
                    <Table.Tr key={s.key}>
                      <Table.Th scope="row">{labels.stage(s.key)}</Table.Th>
                      <Table.Td ta="right">{d1(s.medianDays)}</Table.Td>
                      <Table.Td ta="right">{d1(s.p75Days)}</Table.Td>
                      <Table.Td ta="right">
                        {s.dwellLimitDays === null ? t('analytics.noLimit') : d1(s.dwellLimitDays)}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => drill(`open:${s.key}`, labels.stage(s.key))}
                        >
                          {format.count(s.openCount)}
                        </Button>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          color={s.stalled ? 'red' : 'gray'}
                          onClick={() =>
                            drill(`stalled:${s.key}`, `${labels.stage(s.key)} · ${t('analytics.stalled')}`)
                          }
                        >
                          {s.stalled === null ? '—' : format.count(s.stalled)}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" mt="xs">
                {t('analytics.salesCycle')}:{' '}
                {t('analytics.days', { value: d1(report.salesCycle.medianDays) })} · {t('analytics.winRate')}{' '}
                {report.winRate === null ? '—' : `${(report.winRate * 100).toFixed(1)}%`} ·{' '}
                {t('analytics.velocity')}{' '}
                {report.velocityPerDay === null
                  ? '—'
                  : t('analytics.velocityPerDay', { value: format.moneyCompact(report.velocityPerDay) })}
              </Text>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Panel title={t('velocityView.cycle')}>
              <EChart
                option={charts.cycle}
                title={t('velocityView.cycle')}
                testId="velocity-cycle"
                onDrill={drill}
              />
            </Panel>
          </Grid.Col>
        </Grid>
      )}
    </ViewFrame>
  );
}
