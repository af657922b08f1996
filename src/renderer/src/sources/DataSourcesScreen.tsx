import { Alert, Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { errorText } from '../api/errors';
import { useRouteParams } from '../shell/route';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionPanel, type ConnectionTab } from './ConnectionPanel';
import { ConnectionsTable } from './ConnectionsTable';
import { connectionsKey, useConnections, type ConnectionsResult } from './useSync';

/**
 * Data sources (数据源): the CRMs this workspace syncs from. The list, then the chosen
 * connection (`#/sources?connection=ID&tab=runs|mapping`, so the warning badge can open
 * its mapping) with its sync, schedule, run log and stage mapping; without a connection,
 * what connecting does and the way to do it.
 */
export function DataSourcesScreen() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useRouteParams();
  const connections = useConnections();
  const [connectOpen, setConnectOpen] = useState(false);
  const [startFor, setStartFor] = useState<number | null>(null);

  const list = connections.data?.connections ?? [];
  const wanted = Number(params.get('connection'));
  const selected = list.find((c) => c.id === wanted) ?? list[0] ?? null;
  const tab: ConnectionTab = params.get('tab') === 'mapping' ? 'mapping' : 'runs';

  const select = (id: number) => setParams({ connection: String(id) });
  const connected = (c: CrmConnectionView) => {
    // Shown at once; the refetch that workspace.changed triggers brings the same row.
    queryClient.setQueryData<ConnectionsResult>(connectionsKey, (old) =>
      old ? { ...old, connections: [...old.connections.filter((o) => o.id !== c.id), c] } : old,
    );
    setParams({ connection: String(c.id), tab: null });
  };
  const startHandled = useCallback(() => setStartFor(null), []);

  return (
    // Not a `funnel-screen` (a view that fits the window and scrolls inside): this page is as
    // tall as its tables and the window scrolls, so no table is squeezed to fit.
    <Stack gap="md" data-testid="view-sources">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('sources.title')}
        </Title>
        {list.length > 0 && (
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setConnectOpen(true)}
            data-testid="sources-connect"
          >
            {t('sources.connect')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('sources.intro')}</Text>

      {connections.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('sources.loadError', { message: errorText(connections.error, i18n.language) })}
        </Alert>
      )}
      {connections.isLoading && (
        <Group gap="xs" c="dimmed">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('sources.loading')}</Text>
        </Group>
      )}

      {connections.data && list.length === 0 && (
        <EmptyState
          icon={<IconPlugConnected size={28} aria-hidden />}
          withIndicatorBackground
          title={t('sources.empty.title')}
          data-testid="sources-empty"
        >
          <Stack gap="md" align="center" maw={640}>
            <Text size="sm" ta="center">
              {t('sources.empty.body')}
            </Text>
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setConnectOpen(true)}
              data-testid="sources-connect"
            >
              {t('sources.connect')}
            </Button>
          </Stack>
        </EmptyState>
      )}

      {selected && (
        <>
          <ConnectionsTable connections={list} selectedId={selected.id} onSelect={select} />
          <ConnectionPanel
            key={selected.id}
            connection={selected}
            tab={tab}
            onTab={(next) => setParams({ connection: String(selected.id), tab: next })}
            onDisconnected={() => setParams({ connection: null, tab: null })}
            startRequested={startFor === selected.id}
            onStartHandled={startHandled}
          />
        </>
      )}

      {connections.data && (
        <ConnectDialog
          opened={connectOpen}
          onClose={() => setConnectOpen(false)}
          secrets={connections.data.secrets}
          onConnected={connected}
          onSyncNow={(c) => setStartFor(c.id)}
        />
      )}
    </Stack>
  );
}
