import { Button, Grid, NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelChart, funnelCompareChart } from '@shared/charts/funnel';
import type { AnalyticsSettings, FunnelReport } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { openDrill } from './drill';
import { useChartContext, windowText } from './chart-context';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { EmptyPeriod, Panel, ReportState, ViewFrame } from './ViewFrame';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Success and Shape: deals reached per stage, conversion next to time in stage, against benchmarks. */
export function FunnelScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const { filters, scope, set, params, setParams } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const funnel = useReport('report.funnel', scope);
  const velocity = useReport('report.velocity', scope);
  const settings = useQuery({
    queryKey: ['analytics.settings'],
    queryFn: () => api.invoke('analytics.settings', {}),
  });
  const compare = params.get('compare') === 'teams' ? 'teams' : 'none';
  const facetTeams = useFacets().data?.teams;
  const teams = useMemo(() => facetTeams ?? [], [facetTeams]);
  const teamReports = useQueries({
    queries: (compare === 'teams' && scope ? teams : []).map((team) => ({
      queryKey: ['report.funnel', { ...scope, team }],
      queryFn: () => api.invoke('report.funnel', { ...scope!, team }),
    })),
  });

  const benchmarks = useMemo(() => settings.data?.benchmarks ?? {}, [settings.data]);
  const report = funnel.data;
  const option = useMemo(
    () => (report && ctx ? funnelChart(report, ctx, benchmarks) : null),
    [report, ctx, benchmarks],
  );
  const compareOption = useMemo(() => {
    if (compare !== 'teams' || !ctx || teamReports.some((q) => !q.data)) return null;
    const reports = teams.map((name, i) => ({ name, report: teamReports[i]!.data as FunnelReport }));
    return funnelCompareChart(reports, ctx, (team, key) => JSON.stringify({ team, key }));
  }, [compare, ctx, teamReports, teams]);

  const saveBenchmark = async (key: string, value: number | null) => {
    if (!settings.data) return;
    const next: AnalyticsSettings = { ...settings.data, benchmarks: { ...settings.data.benchmarks } };
    if (value === null) delete next.benchmarks[key];
    else next.benchmarks[key] = value / 100;
    queryClient.setQueryData(['analytics.settings'], next);
    await api.invoke('analytics.saveSettings', next);
  };

  const medianOf = (key: string) => velocity.data?.stages.find((s) => s.key === key)?.medianDays ?? null;
  const drill = (cell: string, label: string) => scope && openDrill({ report: 'funnel', scope, cell }, label);

  return (
    <ViewFrame
      title={t('funnelView.title')}
      subtitle={report ? windowText(t, format, report) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} />}
      testId="view-funnel"
    >
      <ReportState error={funnel.error} loading={funnel.isLoading} />
      {report && report.deals === 0 && <EmptyPeriod />}
      {report && report.deals > 0 && option && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Panel title={t('funnelView.chart')} testId="funnel-chart-panel">
              <EChart
                option={option}
                title={t('funnelView.chart')}
                height={420}
                testId="funnel-chart"
                onDrill={(cell, label) => drill(cell, `${t('funnelView.title')} · ${label}`)}
              />
              <Text size="sm" c="dimmed" mt="xs">
                {t('funnelView.summary', {
                  deals: report.deals,
                  open: report.open,
                  won: report.won,
                  lost: report.lost,
                })}{' '}
                · {t('analytics.winRate')} {pct(report.winRate)}
              </Text>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Panel title={t('funnelView.tableLabel')}>
              <Table striped aria-label={t('funnelView.tableLabel')} data-testid="funnel-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('analytics.stage')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.reached')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.conversion')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.benchmark')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.medianDays')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.stages.map((s) => {
                    const bench = benchmarks[s.key];
                    const below =
                      bench !== undefined && s.conversionToNext !== null && s.conversionToNext < bench;
                    return (
                      <Table.Tr key={s.key}>
                        <Table.Th scope="row">{labels.stage(s.key)}</Table.Th>
                        <Table.Td ta="right">
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() =>
                              drill(`reached:${s.key}`, `${t('funnelView.title')} · ${labels.stage(s.key)}`)
                            }
                          >
                            {format.count(s.reached)} · {format.moneyCompact(s.reachedAmount)}
                          </Button>
                        </Table.Td>
                        <Table.Td ta="right" fw={below ? 700 : undefined}>
                          {pct(s.conversionToNext)}
                          {below ? ` ▼ ${t('funnelView.belowBenchmark')}` : ''}
                        </Table.Td>
                        <Table.Td ta="right">
                          <NumberInput
                            size="xs"
                            w={80}
                            ml="auto"
                            min={0}
                            max={100}
                            suffix="%"
                            value={bench === undefined ? '' : Math.round(bench * 1000) / 10}
                            onChange={(v) => void saveBenchmark(s.key, v === '' ? null : Number(v))}
                            aria-label={t('funnelView.benchmarkFor', { stage: labels.stage(s.key) })}
                          />
                        </Table.Td>
                        <Table.Td ta="right">
                          {medianOf(s.key) === null ? '—' : medianOf(s.key)!.toFixed(1)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Panel>
          </Grid.Col>
          <Grid.Col span={12}>
            <Panel title={t('funnelView.compare')}>
              <SegmentedControl
                mb="sm"
                value={compare}
                onChange={(v) => setParams({ compare: v === 'teams' ? 'teams' : null })}
                data={[
                  { value: 'none', label: t('funnelView.compareNone') },
                  { value: 'teams', label: t('funnelView.compareTeams') },
                ]}
              />
              {compareOption && (
                <EChart
                  option={compareOption}
                  title={t('funnelView.compare')}
                  height={380}
                  testId="funnel-compare-chart"
                  onDrill={(cell, label) => {
                    const { team, key } = JSON.parse(cell) as { team: string; key: string };
                    if (scope)
                      openDrill(
                        { report: 'funnel', scope: { ...scope, team }, cell: `reached:${key}` },
                        `${team} · ${label}`,
                      );
                  }}
                />
              )}
            </Panel>
          </Grid.Col>
        </Grid>
      )}
    </ViewFrame>
  );
}
