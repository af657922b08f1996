import {
  Button,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  useComputedColorScheme,
} from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workbackChart, type WorkbackMeasure } from '@shared/charts/workback';
import type { Workback, WorkbackInput } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { useChartContext } from '../analytics/chart-context';
import { Panel, ReportState } from '../analytics/ViewFrame';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import type { ForecastInputs } from './forecast-scope';
import { NONE, NUMERIC, oneDecimal, percent } from './numbers';
import { useTypedTarget } from './useTypedTarget';
import { WorkbackFindings } from './WorkbackFindings';
import { WorkbackRows, type RowScope } from './WorkbackRows';

function useWorkback(input: WorkbackInput) {
  const api = useApi();
  return useQuery({
    queryKey: ['forecast.workback', input],
    queryFn: () => api.invoke('forecast.workback', input),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/**
 * Working back from the target (倒推): from the quarter's (or the year's) target to what each
 * open stage must hold now and the new deals to create each week, against what the scope
 * holds and creates, with the diagnosis in words and each team's or rep's own work-back. The
 * target is the scope's quota unless another amount is typed in.
 */
export function WorkbackTab({
  inputs,
  onSetQuota,
  onNarrow,
}: {
  inputs: ForecastInputs;
  onSetQuota: () => void;
  /** Narrows the screen's shared filters to a team or rep of the breakdown. */
  onNarrow: (scope: RowScope) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const ctx = useChartContext();
  const labels = useLabels(useFacets().data);
  const quarter = inputs.forecast.quarter;
  const [kind, setKind] = useState<'quarter' | 'year'>('quarter');
  const target = useTypedTarget();
  const [measure, setMeasure] = useState<WorkbackMeasure>('amount');
  const { asOf, team, owner } = inputs.forecast;
  const input: WorkbackInput = {
    asOf,
    ...(team ? { team } : {}),
    ...(owner ? { owner } : {}),
    period: kind === 'quarter' ? quarter : quarter.slice(0, 4),
    ...(target.asked === '' ? {} : { target: target.asked }),
  };
  const query = useWorkback(input);
  // An answer is only ever the one for the input asked (the query is keyed by it): one for an
  // earlier target that arrives late is kept in the cache, never shown as this one. While the
  // next answer is on its way the previous one stays, said to be out of date.
  const wb: Workback | undefined = query.data;
  const updating = wb !== undefined && (target.settling || query.isPlaceholderData);
  const dark = useComputedColorScheme('light') === 'dark';
  const option = useMemo(
    () => (wb && ctx ? workbackChart(wb, ctx, measure, { dark }) : null),
    [wb, ctx, measure, dark],
  );
  const periodName = kind === 'quarter' ? format.quarter(quarter) : quarter.slice(0, 4);
  const money = (v: number | null) => (v === null ? NONE : format.money(v));

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="workback-period-label">
            {t('forecastView.workback.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="workback-period-label"
            value={kind}
            onChange={(v) => setKind(v === 'year' ? 'year' : 'quarter')}
            data={[
              { value: 'quarter', label: format.quarter(quarter) },
              { value: 'year', label: t('forecastView.workback.year', { year: quarter.slice(0, 4) }) },
            ]}
            data-testid="workback-kind"
          />
        </Stack>
        <NumberInput
          label={t('forecastView.workback.target')}
          description={t('forecastView.workback.targetHint')}
          value={target.typed}
          onChange={(v) => target.type(typeof v === 'number' ? v : '')}
          onBlur={target.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') target.commit();
          }}
          min={0}
          max={1e13}
          allowNegative={false}
          thousandSeparator=","
          hideControls
          w={260}
          data-testid="workback-target"
        />
      </Group>
      <ReportState error={query.error} loading={query.isLoading} />
      <Group gap="xs" c="dimmed" role="status" aria-live="polite" mih={22} data-testid="workback-updating">
        {updating && (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="sm">{t('forecastView.workback.updating')}</Text>
          </>
        )}
      </Group>
      {wb && (
        <Stack
          gap="md"
          aria-busy={updating}
          data-stale={updating || undefined}
          data-testid="workback-figures"
        >
          <Panel title={t('forecastView.workback.title', { period: periodName })} testId="workback-summary">
            <Text mb="sm" data-testid="workback-sentence">
              {wb.status === 'needsTarget'
                ? t('forecastView.workback.needsTarget', { period: periodName })
                : t('forecastView.workback.sentence', {
                    target: money(wb.target),
                    source: t(`forecastView.workback.sources.${wb.targetSource ?? 'quota'}`),
                    won: money(wb.won),
                    gap: money(wb.gap),
                    expected: money(wb.expected),
                    weeks: oneDecimal(wb.weeksLeft, lang),
                  })}
            </Text>
            {wb.status === 'needsTarget' && (
              <Button
                variant="light"
                leftSection={<IconTarget size={16} aria-hidden />}
                onClick={onSetQuota}
                mb="sm"
                data-testid="workback-set-quota"
              >
                {t('forecastView.headline.setQuota')}
              </Button>
            )}
            <WorkbackFindings row={wb} zh={lang.startsWith('zh')} />
          </Panel>
          {option && (
            <Panel title={t('forecastView.workback.chartTitle')} testId="workback-chart-panel">
              <SegmentedControl
                aria-label={t('forecastView.workback.measure')}
                value={measure}
                onChange={(v) => setMeasure(v === 'deals' ? 'deals' : 'amount')}
                data={[
                  { value: 'amount', label: t('forecastView.workback.byAmount') },
                  { value: 'deals', label: t('forecastView.workback.byDeals') },
                ]}
                mb="xs"
              />
              <EChart
                option={option}
                title={t('forecastView.workback.chartTitle')}
                height={380}
                testId="workback-chart"
              />
            </Panel>
          )}
          <Panel title={t('forecastView.workback.stagesTitle')} testId="workback-stages">
            <Table.ScrollContainer minWidth={1000}>
              <Table striped aria-label={t('forecastView.workback.stagesTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('forecastView.gapPlan.stage')}</Table.Th>
                    {(
                      [
                        'winRate',
                        'needAmount',
                        'needDeals',
                        'haveAmount',
                        'haveDeals',
                        'short',
                        'shortDeals',
                        'conversion',
                      ] as const
                    ).map((c) => (
                      <Table.Th key={c} scope="col" ta="right">
                        {t(`forecastView.workback.columns.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {wb.stages.map((s) => (
                    <Table.Tr key={s.stage} data-testid="workback-stage" data-stage={s.stage}>
                      <Table.Th scope="row">{labels.stage(s.stage)}</Table.Th>
                      <Table.Td ta="right" style={NUMERIC}>
                        {percent(s.h, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC} data-testid="workback-need-amount">
                        {money(s.needAmount)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {oneDecimal(s.needDeals, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {format.money(s.haveAmount)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {format.count(s.haveDeals)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {money(s.shortAmount)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC} data-testid="workback-short-deals">
                        {oneDecimal(s.shortDeals, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={NUMERIC}>
                        {s.conversion === null
                          ? NONE
                          : s.benchmark === null
                            ? percent(s.conversion, lang)
                            : t('forecastView.workback.againstBenchmark', {
                                conversion: percent(s.conversion, lang),
                                benchmark: percent(s.benchmark, lang),
                              })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c="dimmed" mt="xs" data-testid="workback-deals-note">
              {t('forecastView.workback.dealsNote')}
            </Text>
            <Text size="sm" mt="sm" data-testid="workback-new-deals">
              {wb.newDeals.needed === null
                ? t('forecastView.workback.newDealsUnknown', {
                    recent: oneDecimal(wb.newDeals.recentPerWeek, lang),
                  })
                : wb.newDeals.perWeek === null
                  ? t('forecastView.workback.newDealsTooLate', {
                      needed: oneDecimal(wb.newDeals.needed, lang),
                      recent: oneDecimal(wb.newDeals.recentPerWeek, lang),
                    })
                  : t('forecastView.workback.newDeals', {
                      needed: oneDecimal(wb.newDeals.needed, lang),
                      perWeek: oneDecimal(wb.newDeals.perWeek, lang),
                      recent: oneDecimal(wb.newDeals.recentPerWeek, lang),
                      last: format.day(wb.newDeals.lastCreationDay),
                    })}
            </Text>
          </Panel>
          {wb.rows.length > 0 && <WorkbackRows wb={wb} onNarrow={onNarrow} />}
        </Stack>
      )}
    </Stack>
  );
}
