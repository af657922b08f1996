import { Alert, Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView, SyncRunView } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { crmName } from './crm';
import { QuarantineDialog } from './QuarantineDialog';
import { durationText, useNow } from './timing';
import { useRuns } from './useSync';

type RunStatus = SyncRunView['status'] | 'running';

/** Status badges: the word carries the meaning, the hue only repeats it (AA in both themes). */
const STATUS_COLOR: Record<RunStatus, string> = {
  done: 'green',
  interrupted: 'gray',
  failed: 'red',
  running: 'blue',
};

/**
 * Every run of a connection, newest first: when it started and how long it took, how it
 * ended, what it read and wrote, and in the CRM's words why it stopped; quarantined
 * records open with their reasons.
 */
export function RunLog({ connection, busy }: { connection: CrmConnectionView; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const runs = useRuns(connection.id);
  // A running row's duration counts up by the second; finished rows need no clock.
  const now = useNow(busy ? 1000 : 60_000);
  const [quarantineOf, setQuarantineOf] = useState<number | null>(null);
  const crm = crmName(connection.kind);

  if (runs.error)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('sources.runs.loadError', { message: errorText(runs.error, i18n.language) })}
      </Alert>
    );
  if (runs.isLoading)
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('sources.runs.loading')}</Text>
      </Group>
    );
  const list = runs.data?.runs ?? [];
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="runs-empty">
        {t('sources.runs.empty')}
      </Text>
    );

  const started = (r: SyncRunView) => format.localDateTime(new Date(r.startedAt).toISOString());
  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table
          verticalSpacing="xs"
          striped
          aria-label={t('sources.runs.tableLabel', { crm })}
          data-testid="run-log"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sources.runs.columns.started')}</Table.Th>
              <Table.Th scope="col">{t('sources.runs.columns.duration')}</Table.Th>
              <Table.Th scope="col">{t('sources.runs.columns.status')}</Table.Th>
              {(
                ['pages', 'records', 'changed', 'unchanged', 'deleted', 'quarantined', 'retries'] as const
              ).map((c) => (
                <Table.Th key={c} scope="col" ta="right">
                  {t(`sources.runs.columns.${c}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('sources.runs.columns.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r, index) => {
              // The log reads a run in progress as interrupted until it ends: the live progress
              // tells which run is running (before its first progress, the newest unfinished one).
              const status: RunStatus =
                connection.running?.runId === r.runId || (busy && index === 0 && r.finishedAt === null)
                  ? 'running'
                  : r.status;
              const end = r.finishedAt ?? (status === 'running' ? now : null);
              return (
                <Table.Tr key={r.runId} data-testid="run-row" data-status={status}>
                  <Table.Th scope="row" fw="normal" style={{ whiteSpace: 'nowrap' }}>
                    {started(r)}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {end === null ? '—' : durationText(t, end - r.startedAt)}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLOR[status]}
                      variant="light"
                      // Body text colour on the tint: AA in both themes for every hue.
                      c="var(--mantine-color-text)"
                      tt="none"
                      radius="sm"
                    >
                      {t(`sources.runs.status.${status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{format.count(r.pages)}</Table.Td>
                  <Table.Td ta="right">{format.count(r.records)}</Table.Td>
                  <Table.Td ta="right">{format.count(r.upserted)}</Table.Td>
                  <Table.Td ta="right">{format.count(r.unchanged)}</Table.Td>
                  <Table.Td ta="right">{format.count(r.deleted)}</Table.Td>
                  <Table.Td ta="right">
                    {r.quarantined > 0 ? (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setQuarantineOf(r.runId)}
                        aria-label={t('sources.runs.showQuarantined', {
                          count: r.quarantined,
                          time: started(r),
                        })}
                        data-testid="run-quarantined"
                      >
                        {format.count(r.quarantined)}
                      </Button>
                    ) : (
                      format.count(0)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.count(r.retries)}</Table.Td>
                  <Table.Td maw={420}>
                    {r.error && status !== 'running' ? (
                      <Text size="sm" data-testid="run-error">
                        {formatMessage(r.error, i18n.language)}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <QuarantineDialog runId={quarantineOf} onClose={() => setQuarantineOf(null)} />
    </>
  );
}
