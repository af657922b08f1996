import { Grid, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pipelineTrendChart,
  productMixChart,
  sizeBandsChart,
  stageShapeChart,
} from '@shared/charts/pipeline';
import type { AnalyticsSettings } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { useChartContext, windowText } from './chart-context';
import { openDrill } from './drill';
import { previousScope } from './scope';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { ReportState, ViewFrame } from './ViewFrame';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const d1 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/**
 * One figure against the previous period of the same length: the arrow and the word say
 * which way it moved (colour only repeats it); `better` says whether up is good.
 */
function Figure({
  label,
  value,
  previous,
  current,
  before,
  better = 'up',
  testId,
}: {
  label: string;
  value: string;
  previous: string | null;
  current: number | null | undefined;
  before: number | null | undefined;
  better?: 'up' | 'down';
  testId?: string;
}) {
  const { t } = useTranslation();
  const moved =
    current === null || current === undefined || before === null || before === undefined || current === before
      ? 0
      : current > before
        ? 1
        : -1;
  const good = moved === 0 ? null : moved > 0 === (better === 'up');
  const Icon = moved > 0 ? IconArrowUpRight : moved < 0 ? IconArrowDownRight : IconMinus;
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Group gap={4}>
        {/* The arrow's colour repeats its direction; the text keeps the body contrast. */}
        <Icon
          size={16}
          aria-hidden
          color={good === null ? undefined : `var(--mantine-color-${good ? 'teal' : 'red'}-filled)`}
        />
        <Text size="sm" c="dimmed">
          {previous === null ? t('analytics.noPrevious') : t('analytics.previous', { value: previous })}
        </Text>
      </Group>
    </Stack>
  );
}

function Quadrant({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} h="100%">
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The 4S overview: Size, Shape, Speed and Success, each against the previous period of the same length. */
export function OverviewScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const { filters, scope, set } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const settings = useQuery({
    queryKey: ['analytics.settings'],
    queryFn: () => api.invoke('analytics.settings', {}),
  });
  const bands = settings.data?.bands;
  const prev = useMemo(() => (scope ? previousScope(scope) : null), [scope]);
  const pipeline = useReport('report.pipeline', scope);
  const pipelineBefore = useReport('report.pipeline', prev ? { ...prev, trendMonths: 1 } : null);
  const velocity = useReport('report.velocity', scope);
  const velocityBefore = useReport('report.velocity', prev);
  const funnel = useReport('report.funnel', scope);
  const funnelBefore = useReport('report.funnel', prev);
  const p = pipeline.data;
  const charts = useMemo(
    () =>
      p && ctx
        ? {
            trend: pipelineTrendChart(p, ctx),
            shape: stageShapeChart(p, ctx),
            bands: sizeBandsChart(p, ctx),
            products: productMixChart(p, ctx),
          }
        : null,
    [p, ctx],
  );
  const drill = (cell: string, label: string) =>
    scope &&
    bands &&
    openDrill({ report: 'pipeline', scope: { ...scope, bands }, cell }, `${t('overview.title')} · ${label}`);
  const saveBands = async (changes: Partial<AnalyticsSettings['bands']>) => {
    if (!settings.data) return;
    const next = { ...settings.data, bands: { ...settings.data.bands, ...changes } };
    if (next.bands.large < next.bands.medium) return;
    queryClient.setQueryData(['analytics.settings'], next);
    // Saving announces a change: every report, the pipeline's bands included, refetches.
    await api.invoke('analytics.saveSettings', next);
  };
  const v = velocity.data;
  const vb = velocityBefore.data;
  const f = funnel.data;
  const fb = funnelBefore.data;

  return (
    <ViewFrame
      title={t('overview.title')}
      subtitle={f ? windowText(t, format, f) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} />}
      testId="view-overview"
    >
      <ReportState error={pipeline.error ?? velocity.error ?? funnel.error} loading={pipeline.isLoading} />
      {p && charts && (
        <Grid>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Quadrant title={t('overview.size')}>
              <SimpleGrid cols={2} mb="sm">
                <Figure
                  label={t('overview.openPipeline')}
                  value={format.moneyCompact(p.amount)}
                  previous={pipelineBefore.data ? format.moneyCompact(pipelineBefore.data.amount) : null}
                  current={p.amount}
                  before={pipelineBefore.data?.amount}
                  testId="figure-open-amount"
                />
                <Figure
                  label={t('overview.openDeals')}
                  value={format.count(p.open)}
                  previous={pipelineBefore.data ? format.count(pipelineBefore.data.open) : null}
                  current={p.open}
                  before={pipelineBefore.data?.open}
                />
              </SimpleGrid>
              <EChart
                option={charts.trend}
                title={t('overview.trend')}
                height={260}
                testId="overview-trend"
              />
            </Quadrant>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Quadrant title={t('overview.shape')}>
              <EChart
                option={charts.shape}
                title={t('overview.stageShape')}
                height={230}
                testId="overview-shape"
                onDrill={(cell, label) => drill(cell, label)}
              />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Stack gap={4}>
                  <Text size="sm" fw={600}>
                    {t('overview.sizeBands')}
                  </Text>
                  <EChart
                    option={charts.bands}
                    title={t('overview.sizeBands')}
                    height={150}
                    testId="overview-bands"
                    onDrill={(cell, label) => drill(cell, label)}
                  />
                  <Group gap="xs">
                    <NumberInput
                      size="xs"
                      w={130}
                      label={t('overview.large')}
                      value={bands?.large ?? ''}
                      min={0}
                      thousandSeparator=","
                      onChange={(x) => x !== '' && void saveBands({ large: Number(x) })}
                    />
                    <NumberInput
                      size="xs"
                      w={130}
                      label={t('overview.medium')}
                      value={bands?.medium ?? ''}
                      min={0}
                      thousandSeparator=","
                      onChange={(x) => x !== '' && void saveBands({ medium: Number(x) })}
                    />
                  </Group>
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" fw={600}>
                    {t('overview.productMix')}
                  </Text>
                  <EChart
                    option={charts.products}
                    title={t('overview.productMix')}
                    height={220}
                    testId="overview-products"
                    onDrill={(cell, label) => drill(cell, label)}
                  />
                </Stack>
              </SimpleGrid>
            </Quadrant>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Quadrant title={t('overview.speed')}>
              <SimpleGrid cols={2} mb="sm">
                <Figure
                  label={t('overview.medianCycle')}
                  value={t('analytics.days', { value: d1(v?.salesCycle.medianDays) })}
                  previous={vb ? t('analytics.days', { value: d1(vb.salesCycle.medianDays) }) : null}
                  current={v?.salesCycle.medianDays}
                  before={vb?.salesCycle.medianDays}
                  better="down"
                />
                <Figure
                  label={t('analytics.velocity')}
                  value={
                    v?.velocityPerDay == null
                      ? '—'
                      : t('analytics.velocityPerDay', { value: format.moneyCompact(v.velocityPerDay) })
                  }
                  previous={
                    vb ? (vb.velocityPerDay === null ? '—' : format.moneyCompact(vb.velocityPerDay)) : null
                  }
                  current={v?.velocityPerDay}
                  before={vb?.velocityPerDay}
                />
              </SimpleGrid>
              <Text size="sm" fw={600} mb={4}>
                {t('overview.stageDays')}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 5 }}>
                {(v?.stages ?? []).map((s, i) => (
                  <Figure
                    key={s.key}
                    label={labels.stage(s.key)}
                    value={t('analytics.days', { value: d1(s.medianDays) })}
                    previous={vb ? t('analytics.days', { value: d1(vb.stages[i]?.medianDays) }) : null}
                    current={s.medianDays}
                    before={vb?.stages[i]?.medianDays}
                    better="down"
                  />
                ))}
              </SimpleGrid>
            </Quadrant>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 6 }}>
            <Quadrant title={t('overview.success')}>
              <SimpleGrid cols={2} mb="sm">
                <Figure
                  label={t('overview.winRate')}
                  value={pct(v?.winRate)}
                  previous={vb ? pct(vb.winRate) : null}
                  current={v?.winRate}
                  before={vb?.winRate}
                  testId="figure-win-rate"
                />
                <Figure
                  label={t('overview.cohortWinRate')}
                  value={pct(f?.winRate)}
                  previous={fb ? pct(fb.winRate) : null}
                  current={f?.winRate}
                  before={fb?.winRate}
                />
              </SimpleGrid>
              <Text size="sm" fw={600} mb={4}>
                {t('overview.stageConversion')}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 5 }}>
                {(f?.stages ?? []).map((s, i) => (
                  <Figure
                    key={s.key}
                    label={labels.stage(s.key)}
                    value={pct(s.conversionToNext)}
                    previous={fb ? pct(fb.stages[i]?.conversionToNext) : null}
                    current={s.conversionToNext}
                    before={fb?.stages[i]?.conversionToNext}
                  />
                ))}
              </SimpleGrid>
            </Quadrant>
          </Grid.Col>
        </Grid>
      )}
    </ViewFrame>
  );
}
