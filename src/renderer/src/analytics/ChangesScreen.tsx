import { Button, Grid, Select, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { waterfallChart } from '@shared/charts/changes';
import { chartText } from '@shared/charts/text';
import { CHANGE_CATEGORIES, type ChangesScope } from '@shared/contract';
import { dayOf, dayStart, QUARTER, quarterOf, quarterRange } from '@shared/time';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useChartContext } from './chart-context';
import { openDrill } from './drill';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { Panel, ReportState, ViewFrame } from './ViewFrame';

/**
 * The pipeline-change waterfall for a close-date quarter: from the quarter's first day
 * (or the custom period's start) to as-of, what came in and what went out, balancing to
 * the cent. The quarter is this view's own URL parameter.
 */
export function ChangesScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set, params, setParams } = useSharedFilters();
  const ctx = useChartContext();
  const asOfDay = scope ? dayOf(scope.asOf - 1) : null;
  const quarterParam = params.get('quarter');
  const quarter =
    quarterParam && QUARTER.test(quarterParam) ? quarterParam : asOfDay ? quarterOf(asOfDay) : null;
  const input: ChangesScope | null = useMemo(() => {
    if (!scope || !quarter) return null;
    const range = quarterRange(quarter)!;
    const from = filters.period === 'custom' && scope.from !== undefined ? scope.from : dayStart(range.start);
    const to = Math.max(from, Math.min(scope.to ?? scope.asOf, scope.asOf));
    return { ...scope, from, to, quarter };
  }, [scope, quarter, filters.period]);
  const changes = useReport('report.changes', input);
  const report = changes.data;
  const option = useMemo(() => (report && ctx ? waterfallChart(report, ctx) : null), [report, ctx]);
  const quarters = useMemo(() => {
    if (!asOfDay) return [];
    const out: string[] = [];
    let day = `${Number(asOfDay.slice(0, 4)) + 1}-12-31`;
    for (let i = 0; i < 12; i++) {
      const q = quarterOf(day);
      out.push(q);
      day = dayOf(dayStart(quarterRange(q)!.start) - 1);
    }
    return out;
  }, [asOfDay]);
  const drill = (cell: string, label: string) =>
    input && openDrill({ report: 'changes', scope: input, cell }, `${t('changesView.title')} · ${label}`);
  const title = t('changesView.chart', { quarter: quarter ? format.quarter(quarter) : '' });

  return (
    <ViewFrame
      title={t('changesView.title')}
      subtitle={
        report
          ? `${format.day(report.from?.slice(0, 10))} → ${format.day(dayOf(Date.parse(report.to) - 1))}`
          : undefined
      }
      filters={
        <>
          <AnalyticsFilters filters={filters} set={set} />
          <Select
            label={t('changesView.quarter')}
            data={quarters.map((q) => ({ value: q, label: format.quarter(q) }))}
            value={quarter}
            onChange={(v) => setParams({ quarter: v })}
            allowDeselect={false}
            w={200}
            data-testid="changes-quarter"
          />
        </>
      }
      testId="view-changes"
    >
      <ReportState error={changes.error} loading={changes.isLoading} />
      {report && option && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Panel title={title}>
              <EChart option={option} title={title} height={440} testId="changes-chart" onDrill={drill} />
              <Text size="sm" c="dimmed">
                {t('changesView.balance')}
              </Text>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Panel title={t('changesView.tableLabel')}>
              <Table striped aria-label={t('changesView.tableLabel')} data-testid="changes-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('changesView.category')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.deals')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('analytics.amount')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t('changesView.start')}</Table.Th>
                    <Table.Td />
                    <Table.Td ta="right">
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => drill('start', t('changesView.start'))}
                      >
                        {format.money(report.start)}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {CHANGE_CATEGORIES.map((c) => (
                    <Table.Tr key={c}>
                      <Table.Th scope="row">{ctx ? chartCategory(ctx.lang, c) : c}</Table.Th>
                      <Table.Td ta="right">{format.count(report.counts[c])}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          disabled={report.counts[c] === 0}
                          onClick={() => drill(c, ctx ? chartCategory(ctx.lang, c) : c)}
                        >
                          {report.totals[c] > 0 ? '+' : ''}
                          {format.money(report.totals[c])}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('changesView.end')}</Table.Th>
                    <Table.Td />
                    <Table.Td ta="right">
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => drill('end', t('changesView.end'))}
                      >
                        {format.money(report.end)}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Panel>
          </Grid.Col>
        </Grid>
      )}
    </ViewFrame>
  );
}

const chartCategory = (lang: 'zh-CN' | 'en', c: (typeof CHANGE_CATEGORIES)[number]) =>
  chartText(lang).categories[c];
