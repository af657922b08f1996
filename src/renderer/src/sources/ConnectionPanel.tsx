import { Alert, Badge, Button, DataList, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconInfoCircle,
  IconPlayerStop,
  IconPlugConnectedX,
  IconRefresh,
  IconStethoscope,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { crmName } from './crm';
import { DisconnectDialog } from './DisconnectDialog';
import { LastSyncedAt, TokenSourceText } from './ConnectionFacts';
import { RunLog } from './RunLog';
import { StageMapping } from './StageMapping';
import { SyncProgress } from './SyncProgress';
import { SyncSchedule } from './SyncSchedule';
import { connectionsKey, runsKey } from './useSync';

export type ConnectionTab = 'runs' | 'mapping';

interface Props {
  connection: CrmConnectionView;
  tab: ConnectionTab;
  onTab: (tab: ConnectionTab) => void;
  onDisconnected: () => void;
  /** Set when the connect dialog's "Sync now" started this connection's first run. */
  startRequested: boolean;
  onStartHandled: () => void;
}

/**
 * One connection: what it is, sync now (with the progress bar) or cancel, test, the
 * automatic schedule, disconnect, and below, its run log and stage mapping.
 */
export function ConnectionPanel({
  connection,
  tab,
  onTab,
  onDisconnected,
  startRequested,
  onStartHandled,
}: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useFormat();
  const titleId = useId();
  const crm = crmName(connection.kind);
  const [disconnecting, setDisconnecting] = useState(false);
  // Between "Sync now" and the run's first progress event the backend reports no progress:
  // the bar shows "Starting…" meanwhile. Both flags end when the run does.
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const running = connection.running;
  // When this panel last asked for a run and last heard one end: a run short enough to end
  // before "Sync now" is answered must not leave "Starting…" behind.
  const askedAt = useRef(0);
  const endedAt = useRef(0);

  useEffect(
    () =>
      api.on('sync.finished', (summary) => {
        if (summary.connectionId !== connection.id) return;
        endedAt.current = performance.now();
        setStarting(false);
        setCancelling(false);
        notify(
          summary.status === 'done'
            ? {
                message: t('sources.panel.finished', {
                  crm,
                  changed: format.count(summary.upserted),
                  deleted: format.count(summary.deleted),
                }),
                color: 'green',
              }
            : {
                message: t('sources.panel.stopped', {
                  crm,
                  message: summary.error ? formatMessage(summary.error, language) : '',
                }),
                color: summary.status === 'failed' ? 'red' : 'gray',
                autoClose: 10_000,
              },
        );
      }),
    [api, connection.id, crm, format, language, notify, t],
  );
  if (starting && running) setStarting(false);

  const start = useMutation({
    mutationFn: () => {
      askedAt.current = performance.now();
      return api.invoke('sync.start', { connectionId: connection.id });
    },
    onSuccess: ({ started }) => {
      if (started && endedAt.current < askedAt.current) setStarting(true);
      else notify({ message: t('sources.panel.alreadyRunning'), color: 'blue' });
      void queryClient.invalidateQueries({ queryKey: connectionsKey });
      void queryClient.invalidateQueries({ queryKey: runsKey(connection.id) });
    },
    onError: (e) =>
      notify({ message: t('sources.panel.startFailed', { message: errorText(e, language) }), color: 'red' }),
  });
  const { mutate: startNow } = start;
  useEffect(() => {
    if (!startRequested) return;
    onStartHandled();
    startNow();
  }, [startRequested, onStartHandled, startNow]);

  const cancel = useMutation({
    mutationFn: () => api.invoke('sync.cancel', { connectionId: connection.id }),
    onSuccess: ({ cancelled }) => setCancelling(cancelled),
    onError: (e) =>
      notify({ message: t('sources.panel.cancelFailed', { message: errorText(e, language) }), color: 'red' }),
  });
  const test = useMutation({
    mutationFn: () => api.invoke('sync.test', { connectionId: connection.id }),
    onSuccess: ({ label }) =>
      notify({ message: t('sources.panel.testOk', { crm, account: label }), color: 'green' }),
    onError: (e) =>
      notify({
        message: t('sources.panel.testFailed', { message: errorText(e, language) }),
        color: 'red',
        autoClose: 10_000,
      }),
  });

  const busy = running !== null || starting;
  const last = connection.lastRun;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="connection-panel">
      <Stack gap="md">
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id={titleId}>
            {t('sources.panel.label', { crm, account: connection.label })}
          </Title>
          <Group gap="xs">
            {busy ? (
              <Button
                color="red"
                variant="outline"
                leftSection={<IconPlayerStop size={16} aria-hidden />}
                onClick={() => cancel.mutate()}
                loading={cancel.isPending}
                disabled={cancelling}
                data-testid="sync-cancel"
              >
                {cancelling ? t('sources.panel.cancelling') : t('sources.panel.cancel')}
              </Button>
            ) : (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => start.mutate()}
                loading={start.isPending}
                data-testid="sync-now"
              >
                {t('sources.panel.syncNow')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconStethoscope size={16} aria-hidden />}
              onClick={() => test.mutate()}
              loading={test.isPending}
              data-testid="sync-test"
            >
              {t('sources.panel.test')}
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconPlugConnectedX size={16} aria-hidden />}
              onClick={() => setDisconnecting(true)}
              data-testid="sync-disconnect"
            >
              {t('sources.panel.disconnect')}
            </Button>
          </Group>
        </Group>

        <DataList
          orientation="vertical"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' }}
        >
          <DataList.Item>
            <DataList.ItemLabel>{t('sources.panel.url')}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{connection.baseUrl}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sources.panel.token')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <TokenSourceText connection={connection} />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sources.panel.deals')}</DataList.ItemLabel>
            <DataList.ItemValue data-testid="panel-deals">
              {format.count(connection.deals)}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('sources.panel.lastSynced')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <LastSyncedAt at={connection.lastSyncedAt} />
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>

        {busy ? (
          <SyncProgress crm={crm} progress={running} cancelling={cancelling} />
        ) : last && last.status !== 'done' && last.error ? (
          <Alert
            color={last.status === 'failed' ? 'red' : 'yellow'}
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('sources.panel.lastRunStopped')}
            data-testid="last-run-stopped"
          >
            {formatMessage(last.error, language)}
          </Alert>
        ) : last && last.quarantined > 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconInfoCircle size={18} aria-hidden />
            <Text size="sm">{t('sources.panel.lastRunQuarantined', { count: last.quarantined })}</Text>
          </Group>
        ) : null}

        <SyncSchedule key={connection.id} connection={connection} />

        <Tabs value={tab} onChange={(v) => onTab(v === 'mapping' ? 'mapping' : 'runs')} keepMounted={false}>
          <Tabs.List aria-label={t('sources.tabs.label', { crm })}>
            <Tabs.Tab value="runs" data-testid="tab-runs">
              {t('sources.tabs.runs')}
            </Tabs.Tab>
            <Tabs.Tab
              value="mapping"
              data-testid="tab-mapping"
              rightSection={
                connection.unmappedStages > 0 ? (
                  <Badge size="sm" color="yellow" variant="filled" c="black" tt="none">
                    {t('sources.tabs.unmapped', { count: connection.unmappedStages })}
                  </Badge>
                ) : undefined
              }
            >
              {t('sources.tabs.mapping')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="runs" pt="sm">
            <RunLog connection={connection} busy={busy} />
          </Tabs.Panel>
          <Tabs.Panel value="mapping" pt="sm">
            <StageMapping key={connection.id} connection={connection} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <DisconnectDialog
        connection={connection}
        opened={disconnecting}
        onClose={() => setDisconnecting(false)}
        onDisconnected={onDisconnected}
      />
    </Paper>
  );
}
