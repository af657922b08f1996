import { Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { routeHref } from '../shell/route';
import { LastSyncedAt, TokenSourceText } from './ConnectionFacts';
import { crmName } from './crm';

/**
 * The connected CRMs at a glance: where each syncs from, whose account, where its token
 * is kept, how many deals it brought, when it last completed, and how many of its stages
 * no workspace stage maps (a warning that opens the mapping).
 */
export function ConnectionsTable({
  connections,
  selectedId,
  onSelect,
}: {
  connections: CrmConnectionView[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" aria-label={t('sources.list.label')} data-testid="connections-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sources.list.columns.crm')}</Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.url')}</Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.account')}</Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.token')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('sources.list.columns.deals')}
            </Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.lastSynced')}</Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.stages')}</Table.Th>
            <Table.Th scope="col">{t('sources.list.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((c) => {
            const crm = crmName(c.kind);
            const selected = c.id === selectedId;
            return (
              <Table.Tr key={c.id} data-testid="connection-row" data-connection-id={c.id}>
                <Table.Th
                  scope="row"
                  // The chosen connection is marked by a bar, not a tint: dimmed text keeps its contrast.
                  style={
                    selected ? { boxShadow: 'inset 4px 0 0 var(--mantine-primary-color-filled)' } : undefined
                  }
                >
                  {crm}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.baseUrl}</Table.Td>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>
                  <TokenSourceText connection={c} />
                </Table.Td>
                <Table.Td ta="right" data-testid="connection-deals">
                  {format.count(c.deals)}
                </Table.Td>
                <Table.Td>
                  {c.running ? (
                    <Group gap={6} wrap="nowrap">
                      <Loader size={14} aria-hidden />
                      <Text size="sm">{t('sources.list.syncing')}</Text>
                    </Group>
                  ) : (
                    <LastSyncedAt at={c.lastSyncedAt} />
                  )}
                </Table.Td>
                <Table.Td>
                  {c.unmappedStages > 0 ? (
                    <Badge
                      component="a"
                      href={routeHref('sources', { connection: String(c.id), tab: 'mapping' })}
                      color="yellow"
                      variant="filled"
                      c="black"
                      tt="none"
                      leftSection={<IconAlertTriangle size={14} aria-hidden />}
                      aria-label={t('sources.list.unmappedLabel', { crm, count: c.unmappedStages })}
                      style={{ cursor: 'pointer' }}
                      data-testid="unmapped-badge"
                    >
                      {t('sources.list.unmapped', { count: c.unmappedStages })}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('sources.list.allMapped')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={selected ? 'light' : 'default'}
                    aria-current={selected ? 'true' : undefined}
                    aria-label={t('sources.list.manageLabel', { crm, account: c.label })}
                    onClick={() => onSelect(c.id)}
                    data-testid="connection-manage"
                  >
                    {t('sources.list.manage')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
