import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastRange, ForecastReport } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { NUMERIC, percent, times } from './numbers';

function Tile({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text fz={26} fw={700} lh={1.15} style={NUMERIC} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The quarter at a glance: won so far, the quota, what is still to win, the coverage of
 * that gap by the open pipeline, and the likely range by simulation (a range, never a bare
 * number). Without a quota the tiles say so and offer to set one.
 */
export function QuarterHeadline({
  report,
  range,
  onSetQuota,
}: {
  report: ForecastReport;
  range: ForecastRange | undefined;
  /** Opens the quota editor (when the view has one). */
  onSetQuota?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const { quota, gap, coverage } = report;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" data-testid="forecast-headline">
      <Tile
        label={t('forecastView.headline.won')}
        value={format.money(report.wonAmount)}
        note={t('forecastView.headline.open', {
          count: report.openDeals,
          amount: format.money(report.openAmount),
        })}
        testId="forecast-won"
      />
      <Tile
        label={t('forecastView.headline.quota')}
        value={quota === null ? t('forecastView.headline.noQuota') : format.money(quota)}
        note={
          quota === null
            ? onSetQuota && (
                <Button
                  variant="light"
                  size="compact-sm"
                  leftSection={<IconTarget size={14} aria-hidden />}
                  onClick={onSetQuota}
                  data-testid="forecast-set-quota"
                >
                  {t('forecastView.headline.setQuota')}
                </Button>
              )
            : quota > 0
              ? t('forecastView.headline.attained', { value: percent(report.wonAmount / quota, lang) })
              : undefined
        }
        testId="forecast-quota"
      />
      <Tile
        label={t('forecastView.headline.gap')}
        value={gap === null ? '—' : gap > 0 ? format.money(gap) : t('forecastView.headline.reached')}
        note={
          gap === null
            ? t('forecastView.headline.gapNoQuota')
            : gap > 0
              ? t('forecastView.headline.gapNote')
              : t('forecastView.headline.reachedNote', { amount: format.money(-gap) })
        }
        testId="forecast-gap"
      />
      <Tile
        label={t('forecastView.headline.coverage')}
        value={times(coverage, lang)}
        note={
          coverage !== null
            ? t('forecastView.headline.coverageNote', { amount: format.money(report.openAmount) })
            : gap !== null && gap <= 0
              ? t('forecastView.headline.coverageReached')
              : t('forecastView.headline.coverageNoQuota')
        }
        testId="forecast-coverage"
      />
      <Tile
        label={t('forecastView.headline.range')}
        value={
          range
            ? t('forecastView.headline.rangeValue', {
                p10: format.moneyCompact(range.p10),
                p90: format.moneyCompact(range.p90),
              })
            : '…'
        }
        note={
          range
            ? t('forecastView.headline.rangeNote', {
                p50: format.moneyCompact(range.p50),
                runs: format.count(range.runs),
              })
            : t('forecastView.range.computing')
        }
        testId="forecast-range"
      />
    </SimpleGrid>
  );
}
