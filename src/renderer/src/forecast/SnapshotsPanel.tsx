import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ForecastSnapshot, SnapshotMethod, SnapshotScope } from '@shared/contract';
import { dayOf } from '@shared/time';
import { errorText } from '../api/errors';
import { Panel } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { NONE, NUMERIC } from './numbers';
import { useSnapshots, useTakeSnapshot } from './useForecast';

const COLUMNS: SnapshotMethod[] = ['weighted', 'commit', 'bestCase', 'historical', 'model', 'simulation'];

/**
 * What every method said about this quarter at earlier times, for exactly this scope
 * (weekly while the app runs, and by hand with "Take snapshot"): kept locally, never
 * rewritten by an import or a sync, so the accuracy can set what was said against what
 * was won. A snapshot records the workspace's today, whatever as-of the view shows.
 */
export function SnapshotsPanel({ scope, quarter }: { scope: SnapshotScope; quarter: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const list = useSnapshots(scope, quarter);
  const take = useTakeSnapshot();
  const snapshots = list.data ?? [];

  const onTake = () =>
    take.mutate(scope, {
      onSuccess: (s) =>
        notify({
          message: t('forecastView.snapshots.taken', {
            quarter: format.quarter(s.quarter),
            day: format.day(dayOf(Date.parse(s.asOf) - 1)),
          }),
          color: 'green',
        }),
      onError: (e) =>
        notify({
          message: t('forecastView.snapshots.takeError', { message: errorText(e, i18n.language) }),
          color: 'red',
          autoClose: 0,
        }),
    });

  const cell = (s: ForecastSnapshot, m: SnapshotMethod) => {
    if (m === 'simulation' && s.range)
      return t('forecastView.snapshots.rangeCell', {
        p50: format.moneyCompact(s.range.p50),
        p10: format.moneyCompact(s.range.p10),
        p90: format.moneyCompact(s.range.p90),
      });
    const v = s.figures[m];
    return v === undefined ? NONE : format.moneyCompact(v);
  };

  return (
    <Panel title={t('forecastView.snapshots.title')} testId="forecast-snapshots">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap" gap="md">
        <Text size="sm">{t('forecastView.snapshots.intro')}</Text>
        <Button
          leftSection={<IconCamera size={16} aria-hidden />}
          onClick={onTake}
          loading={take.isPending}
          data-testid="forecast-take-snapshot"
          style={{ flexShrink: 0 }}
        >
          {t('forecastView.snapshots.take')}
        </Button>
      </Group>
      {list.error ? (
        <Alert
          color="red"
          variant="light"
          title={t('forecastView.snapshots.loadError', { message: errorText(list.error, i18n.language) })}
        />
      ) : snapshots.length === 0 ? (
        <Text c="dimmed" data-testid="forecast-snapshots-empty">
          {list.isLoading
            ? t('analytics.loading')
            : t('forecastView.snapshots.empty', { quarter: format.quarter(quarter) })}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label={t('forecastView.snapshots.title')} data-testid="forecast-snapshot-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('forecastView.snapshots.takenAt')}</Table.Th>
                <Table.Th scope="col">{t('forecastView.snapshots.asOf')}</Table.Th>
                <Table.Th scope="col">{t('forecastView.snapshots.origin')}</Table.Th>
                {COLUMNS.map((m) => (
                  <Table.Th key={m} scope="col" ta="right">
                    {t(`forecastView.snapshots.columns.${m}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.map((s) => (
                <Table.Tr key={`${s.takenAt}|${s.origin}`} data-testid="forecast-snapshot">
                  <Table.Th scope="row" fw={400}>
                    {format.localDateTime(s.takenAt)}
                  </Table.Th>
                  <Table.Td>{format.day(dayOf(Date.parse(s.asOf) - 1))}</Table.Td>
                  <Table.Td>{t(`forecastView.snapshots.origins.${s.origin}`)}</Table.Td>
                  {COLUMNS.map((m) => (
                    <Table.Td key={m} ta="right" style={NUMERIC}>
                      {cell(s, m)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
