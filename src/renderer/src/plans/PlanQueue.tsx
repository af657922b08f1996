import { Alert, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { navigate, routeHref } from '../shell/route';
import { PlanStatusBadge } from './PlanStatusBadge';
import classes from './Plans.module.css';
import { usePlanQueue } from './usePlans';

const open = (plan: PlanSummary) => navigate(routeHref('plans', { id: String(plan.id) }));

/**
 * The manager's review queue: plans waiting for sign-off (oldest visit first: the most
 * urgent on top) and those recently sent back. A row opens with a click or Enter; the
 * arrow keys move between rows.
 */
export function PlanQueue() {
  const { t, i18n } = useTranslation();
  const queue = usePlanQueue();
  return (
    <Stack gap="md" className="funnel-screen" data-testid="plan-queue">
      <Title order={1} size="h2">
        {t('plans.title')}
      </Title>
      <Text size="sm">{t('plans.intro')}</Text>
      {queue.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('plans.queue.loadError', { message: errorText(queue.error, i18n.language) })}
        </Alert>
      )}
      {queue.isLoading && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden />
          <Text size="sm" role="status">
            {t('app.loading')}
          </Text>
        </Group>
      )}
      {queue.data && (
        <>
          <QueueTable
            title={t('plans.queue.waiting')}
            empty={t('plans.queue.emptyWaiting')}
            plans={queue.data.waiting}
            testId="queue-waiting"
          />
          <QueueTable
            title={t('plans.queue.returned')}
            empty={t('plans.queue.emptyReturned')}
            plans={queue.data.returned}
            testId="queue-returned"
          />
          <Text size="xs" c="dimmed">
            {t('plans.queue.keys')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function QueueTable({
  title,
  empty,
  plans,
  testId,
}: {
  title: string;
  empty: string;
  plans: PlanSummary[];
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  const headingId = useId();
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, plan: PlanSummary) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(plan);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.currentTarget;
      const next = (
        e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
      ) as HTMLElement | null;
      next?.focus();
    }
  };
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {title} ({plans.length})
      </Title>
      {plans.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.queue.columns.visit')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.deal')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.owner')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.stage')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.objective')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.warnings')}</Table.Th>
                <Table.Th scope="col">{t('plans.queue.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.map((p) => (
                <Table.Tr
                  key={p.id}
                  tabIndex={0}
                  className={classes.queueRow}
                  onClick={() => open(p)}
                  onKeyDown={(e) => onKeyDown(e, p)}
                  aria-label={t('plans.queue.open', { deal: p.dealName })}
                  data-testid="queue-row"
                  data-plan-id={p.id}
                  data-deal-id={p.dealId}
                >
                  <Table.Td>{format.day(p.visitDate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.dealName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.account} · {format.money(p.amount)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.owner}
                    {p.team ? (
                      <Text size="xs" c="dimmed">
                        {p.team}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{labels.stage(p.dealStage ?? p.planStage)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {p.objective}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.warnings > 0 ? (
                      <Text size="sm" className={classes.warnText}>
                        <IconAlertTriangle size={14} aria-hidden />{' '}
                        {t('plans.checklist.warnings', { count: p.warnings })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        <IconCircleCheck size={14} aria-hidden /> {t('plans.queue.noWarnings')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PlanStatusBadge status={p.status} />
                    {p.reviewComment && p.status === 'returned' && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {p.reviewComment}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
