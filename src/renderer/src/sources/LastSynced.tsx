import { Anchor, Group, Loader, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/useFormat';
import { routeHref } from '../shell/route';
import { crmName } from './crm';
import { agoText, useNow } from './timing';
import { useConnections, useSyncLive } from './useSync';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The header's "Synced 5 min ago", linking to the data sources; nothing without a CRM
 * connection (a workspace fed by imports has no sync to speak of). It also keeps every
 * sync figure live, being mounted for as long as the workbench's frame is.
 */
export function LastSynced() {
  useSyncLive();
  const { t } = useTranslation();
  const format = useFormat();
  const connections = useConnections().data?.connections ?? [];
  const last = connections.reduce<number | null>(
    (at, c) => (c.lastSyncedAt !== null && (at === null || c.lastSyncedAt > at) ? c.lastSyncedAt : at),
    null,
  );
  const now = useNow(30_000, last);
  if (connections.length === 0) return null;

  const running = connections.find((c) => c.running);
  let text: string;
  if (running) text = t('sources.header.syncing', { crm: crmName(running.kind) });
  else if (last === null) text = t('sources.header.never');
  else {
    const ago = agoText(t, now, last);
    text =
      ago === null
        ? t('sources.header.syncedOn', { date: format.localDateTime(iso(last)) })
        : now - last < 60_000
          ? t('sources.header.syncedNow')
          : t('sources.header.synced', { when: ago });
  }

  return (
    <Tooltip
      label={
        last === null
          ? t('sources.header.tooltipNever')
          : t('sources.header.tooltip', { time: format.localDateTime(iso(last)) })
      }
    >
      <Anchor href={routeHref('sources')} size="sm" c="dimmed" underline="hover" data-testid="last-synced">
        <Group gap={6} wrap="nowrap" component="span">
          {running ? <Loader size={14} aria-hidden /> : <IconRefresh size={16} aria-hidden />}
          <span>{text}</span>
        </Group>
      </Anchor>
    </Tooltip>
  );
}
