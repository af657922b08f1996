import { Badge, Button, CloseButton, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentoredDeal, ReportScope } from '@shared/contract';
import { ReportState } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import type { useLabels } from '../pipeline/useFacets';
import classes from './Mentors.module.css';
import { useMentoredDeals } from './useMentors';

const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;
const OUTCOME_COLOR = { won: 'green', lost: 'gray' } as const;

/**
 * The deals behind a mentor's figures (closed in the period, and those still open): the
 * view's drill-through. A deal opens in the drawer, as the pipeline's rows do.
 */
export function MentorDeals({
  scope,
  mentor,
  labels,
  onClose,
  onOpen,
}: {
  scope: ReportScope;
  mentor: string;
  labels: ReturnType<typeof useLabels>;
  onClose: () => void;
  onOpen: (deal: MentoredDeal) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const deals = useMentoredDeals(scope, mentor);
  const title = t('mentors.view.dealsTitle', { mentor });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid="mentor-deals">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <CloseButton aria-label={t('mentors.view.closeDeals')} onClick={onClose} />
      </Group>
      <ReportState error={deals.error} loading={deals.isPending} />
      {deals.data && deals.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mentors.view.dealsEmpty')}
        </Text>
      )}
      {deals.data && deals.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={title} data-testid="mentor-deals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mentors.view.deal')}</Table.Th>
                <Table.Th scope="col">{t('mentors.view.owner')}</Table.Th>
                <Table.Th scope="col">{t('mentors.view.stage')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mentors.view.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mentors.share')}
                </Table.Th>
                <Table.Th scope="col">{t('mentors.view.closed')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('mentors.view.shareAmount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deals.data.map((d) => (
                <Table.Tr key={d.dealId} data-testid="mentor-deal-row" data-deal-id={d.dealId}>
                  <Table.Th scope="row" maw={320}>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      fw={600}
                      maw="100%"
                      onClick={() => onOpen(d)}
                      aria-label={t('mentors.view.openDeal', { name: d.name })}
                      data-testid="mentor-deal-open"
                    >
                      <Text span size="sm" fw={600} truncate="end">
                        {d.name}
                      </Text>
                    </Button>
                  </Table.Th>
                  <Table.Td>{d.owner}</Table.Td>
                  {/* A closed deal's stage is its outcome: said once, as the badge. */}
                  <Table.Td data-testid="mentor-deal-stage">
                    {d.outcome === 'open' ? (
                      labels.stage(d.stage)
                    ) : (
                      <Badge
                        variant="light"
                        color={OUTCOME_COLOR[d.outcome]}
                        tt="none"
                        radius="sm"
                        className={classes.outcome}
                        data-outcome={d.outcome}
                      >
                        {t(`mentors.view.outcomes.${d.outcome}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {format.money(d.amount)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {t('mentors.sharePct', { value: d.sharePct })}
                  </Table.Td>
                  <Table.Td>{format.day(d.closedAt)}</Table.Td>
                  <Table.Td ta="right" style={NUMERIC} fw={600}>
                    {d.outcome === 'won' ? format.money(d.shareAmount) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
