import { Button, Grid, ScrollArea, Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cohortHeatmap } from '@shared/charts/cohorts';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useChartContext, windowText } from './chart-context';
import { openDrill } from './drill';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { EmptyPeriod, Panel, ReportState, ViewFrame } from './ViewFrame';

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

/** Success over time: each creation month's cumulative won share, and how far each cohort got. */
export function CohortsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const cohorts = useReport('report.cohorts', scope);
  const report = cohorts.data;
  const option = useMemo(() => (report && ctx ? cohortHeatmap(report, ctx) : null), [report, ctx]);
  const drill = (cell: string, label: string) =>
    scope && openDrill({ report: 'cohorts', scope, cell }, `${t('cohortsView.title')} · ${label}`);
  const keys = report?.cohorts[0] ? Object.keys(report.cohorts[0].reachedShare) : [];

  return (
    <ViewFrame
      title={t('cohortsView.title')}
      subtitle={report ? windowText(t, format, report) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} />}
      testId="view-cohorts"
    >
      <ReportState error={cohorts.error} loading={cohorts.isLoading} />
      {report && report.cohorts.length === 0 && <EmptyPeriod />}
      {report && option && report.cohorts.length > 0 && (
        <Grid>
          <Grid.Col span={12}>
            <Panel title={t('cohortsView.chart')}>
              <EChart
                option={option}
                title={t('cohortsView.chart')}
                height={Math.max(320, 60 + report.cohorts.length * 28)}
                testId="cohorts-chart"
                onDrill={drill}
              />
            </Panel>
          </Grid.Col>
          <Grid.Col span={12}>
            <Panel title={t('cohortsView.reachedTable')}>
              <ScrollArea>
                <Table striped aria-label={t('cohortsView.reachedTable')} data-testid="cohorts-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('cohortsView.month')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('cohortsView.size')}
                      </Table.Th>
                      {keys.map((k) => (
                        <Table.Th key={k} scope="col" ta="right">
                          {labels.stage(k)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.cohorts.map((c) => (
                      <Table.Tr key={c.month}>
                        <Table.Th scope="row">{c.month}</Table.Th>
                        <Table.Td ta="right">
                          <Button variant="subtle" size="compact-sm" onClick={() => drill(c.month, c.month)}>
                            {format.count(c.size)}
                          </Button>
                        </Table.Td>
                        {keys.map((k) => (
                          <Table.Td key={k} ta="right">
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              onClick={() =>
                                drill(`${c.month}:reached:${k}`, `${c.month} · ${labels.stage(k)}`)
                              }
                            >
                              {pct(c.reachedShare[k] ?? 0)}
                            </Button>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Panel>
          </Grid.Col>
        </Grid>
      )}
    </ViewFrame>
  );
}
