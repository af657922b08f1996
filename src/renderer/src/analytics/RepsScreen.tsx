import { Badge, Button, Grid, ScrollArea, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { repHeatmap } from '@shared/charts/reps';
import type { RepRow } from '@shared/contract';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useChartContext, windowText } from './chart-context';
import { openDrill } from './drill';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { EmptyPeriod, Panel, ReportState, ViewFrame } from './ViewFrame';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);

/** Rep diagnostics (统计人员擅长环节): each rep's conversion and time per stage against everyone, and where to coach. */
export function RepsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const reps = useReport('report.reps', scope);
  const report = reps.data;
  const option = useMemo(() => (report && ctx ? repHeatmap(report, ctx) : null), [report, ctx]);
  const drill = (cell: string, label: string) =>
    scope && openDrill({ report: 'reps', scope, cell }, `${t('repsView.title')} · ${label}`);
  const shown = report?.reps.filter((r) => r.deals > 0) ?? [];
  // The strongest signals first: the biggest gap to the team.
  const ranked = [...shown].sort((a, b) => (b.weakestStage?.gap ?? -1) - (a.weakestStage?.gap ?? -1));
  const weakness = (r: RepRow) =>
    r.weakestStage
      ? t(r.weakestStage.reason === 'conversion' ? 'repsView.weakConversion' : 'repsView.weakTime', {
          stage: labels.stage(r.weakestStage.key),
          gap: pct(r.weakestStage.gap),
        })
      : t('repsView.none');

  return (
    <ViewFrame
      title={t('repsView.title')}
      subtitle={report ? windowText(t, format, report) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} />}
      testId="view-reps"
    >
      <ReportState error={reps.error} loading={reps.isLoading} />
      {report && shown.length === 0 && <EmptyPeriod />}
      {report && option && shown.length > 0 && (
        <Grid>
          <Grid.Col span={{ base: 12, xl: 7 }}>
            <Panel title={t('repsView.chart')}>
              <EChart
                option={option}
                title={t('repsView.chart')}
                height={Math.max(360, 110 + shown.length * 26)}
                testId="reps-chart"
                onDrill={(cell, label) => drill(cell, label)}
              />
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 5 }}>
            <Panel title={t('repsView.tableLabel')}>
              <ScrollArea h={Math.max(360, 110 + shown.length * 26)}>
                <Table striped aria-label={t('repsView.tableLabel')} data-testid="reps-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('repsView.rep')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('analytics.deals')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('analytics.winRate')}
                      </Table.Th>
                      <Table.Th scope="col">{t('repsView.weakest')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {ranked.map((r) => (
                      <Table.Tr key={r.owner} data-testid="rep-row" data-rep={r.owner}>
                        <Table.Th scope="row">
                          <Text size="sm" fw={600}>
                            {r.owner}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.team}
                          </Text>
                        </Table.Th>
                        <Table.Td ta="right">
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() => drill(`rep:${r.owner}`, r.owner)}
                          >
                            {format.count(r.deals)}
                          </Button>
                        </Table.Td>
                        <Table.Td ta="right">{pct(r.winRate)}</Table.Td>
                        <Table.Td>
                          {r.weakestStage ? (
                            <Badge
                              variant="light"
                              color={r.weakestStage.gap >= 0.5 ? 'red' : 'grape'}
                              tt="none"
                              radius="sm"
                              data-testid="rep-weakest"
                            >
                              {weakness(r)}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {weakness(r)}
                            </Text>
                          )}
                        </Table.Td>
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
