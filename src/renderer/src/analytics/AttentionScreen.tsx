import { Badge, Button, Chip, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconMoodHappy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENTION_FLAGS, type AttentionFlag } from '@shared/domain/attention';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { AnalyticsFilters } from './AnalyticsFilters';
import { openDrill } from './drill';
import { FlagBadges, useFlagReasons } from './FlagBadges';
import { useReport } from './useReport';
import { useSharedFilters } from './useSharedFilters';
import { ReportState, ViewFrame } from './ViewFrame';

/** Rows drawn at once; the rest open in the deals table, which pages through any number. */
const SHOWN = 300;

/** The list a review starts from: open deals with their flags and each flag's reason in words. */
export function AttentionScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const attention = useReport('report.attention', scope);
  const [shown, setShown] = useState<AttentionFlag[]>([...ATTENTION_FLAGS]);
  const report = attention.data;
  // The largest deals first: a review starts where the most money is at risk.
  const rows = (report?.deals ?? [])
    .filter((d) => d.flags.some((f) => shown.includes(f)))
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(
    ATTENTION_FLAGS.map((f) => [f, report?.deals.filter((d) => d.flags.includes(f)).length ?? 0]),
  );
  const reasons = useFlagReasons();

  return (
    <ViewFrame
      title={t('attentionView.title')}
      subtitle={report ? t('attentionView.count', { count: report.deals.length }) : undefined}
      filters={<AnalyticsFilters filters={filters} set={set} hidePeriod />}
      testId="view-attention"
    >
      <ReportState error={attention.error} loading={attention.isLoading} />
      {report && (
        <Chip.Group multiple value={shown} onChange={(v) => setShown(v as AttentionFlag[])}>
          <Group gap="xs" role="group" aria-label={t('attentionView.filterFlags')}>
            {ATTENTION_FLAGS.map((f) => (
              <Chip key={f} value={f} data-testid={`flag-chip-${f}`}>
                {t(`flags.${f}`)} · {counts[f]}
              </Chip>
            ))}
            {scope && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() =>
                  openDrill({ report: 'attention', scope, cell: 'all' }, t('attentionView.title'))
                }
              >
                {t('analytics.openDeals', { count: report.deals.length })}
              </Button>
            )}
          </Group>
        </Chip.Group>
      )}
      {report && report.deals.length === 0 && (
        <EmptyState
          icon={<IconMoodHappy size={28} aria-hidden />}
          withIndicatorBackground
          title={t('attentionView.emptyTitle')}
          description={t('attentionView.emptyBody')}
          data-testid="attention-empty"
        />
      )}
      {rows.length > 0 && (
        <Table
          striped
          highlightOnHover
          aria-label={t('attentionView.tableLabel')}
          data-testid="attention-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columns.name')}</Table.Th>
              <Table.Th scope="col">{t('columns.owner')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('columns.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('columns.stage')}</Table.Th>
              <Table.Th scope="col">{t('columns.closeDate')}</Table.Th>
              <Table.Th scope="col">{t('columns.flags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((d) => (
              <Table.Tr key={d.id} data-testid="attention-row" data-deal-id={d.id}>
                <Table.Th scope="row">
                  <Text size="sm" fw={600}>
                    {d.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.account} · {d.id}
                  </Text>
                </Table.Th>
                <Table.Td>{d.owner}</Table.Td>
                <Table.Td ta="right">{format.money(d.amount)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none" radius="sm">
                    {labels.stage(d.stage)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.day(d.closeDate)}</Table.Td>
                <Table.Td>
                  <FlagBadges flags={d.flags} reasons={reasons(d)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > SHOWN && scope && (
        <Button
          variant="light"
          onClick={() => openDrill({ report: 'attention', scope, cell: 'all' }, t('attentionView.title'))}
        >
          {t('attentionView.more', { shown: SHOWN, count: rows.length })}
        </Button>
      )}
    </ViewFrame>
  );
}
