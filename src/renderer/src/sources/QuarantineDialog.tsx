import { Alert, Button, Code, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage } from '@shared/messages';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { quarantineKey } from './useSync';

/** The payload as received, indented when it is JSON (it is stored bounded, maybe cut). */
function readable(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * The records a run set aside: which record, why (the reason names the field and the
 * value as received), and on demand the record itself, so the manager can tell the CRM
 * admin exactly what to correct.
 */
export function QuarantineDialog({ runId, onClose }: { runId: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const api = useApi();
  const format = useFormat();
  const [shown, setShown] = useState<Set<number>>(new Set());
  const records = useQuery({
    queryKey: quarantineKey(runId ?? 0),
    queryFn: () => api.invoke('sync.quarantine', { runId: runId!, limit: 200 }),
    enabled: runId !== null,
  });
  const toggle = (id: number) =>
    setShown((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Modal.Root opened={runId !== null} onClose={onClose} size="xl" lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="quarantine-dialog">
        <Modal.Header role="presentation">
          <Modal.Title>{t('sources.quarantine.title')}</Modal.Title>
          <Modal.CloseButton aria-label={t('sources.quarantine.close')} />
        </Modal.Header>
        <Modal.Body>
          <Stack gap="sm">
            <Text size="sm">{t('sources.quarantine.intro')}</Text>
            {records.error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                {t('sources.quarantine.loadError', { message: errorText(records.error, language) })}
              </Alert>
            )}
            {records.isLoading && (
              <Group gap="xs" c="dimmed">
                <Loader size="sm" aria-hidden />
                <Text size="sm">{t('sources.quarantine.loading')}</Text>
              </Group>
            )}
            {records.data && (
              <>
                <Table verticalSpacing="xs" aria-label={t('sources.quarantine.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('sources.quarantine.columns.record')}</Table.Th>
                      <Table.Th scope="col">{t('sources.quarantine.columns.reason')}</Table.Th>
                      <Table.Th scope="col">{t('sources.quarantine.columns.payload')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {records.data.records.map((r) => {
                      const id = r.recordId ?? t('sources.quarantine.noId');
                      const open = shown.has(r.id);
                      return (
                        <Table.Tr
                          key={r.id}
                          data-testid="quarantined-record"
                          style={{ verticalAlign: 'top' }}
                        >
                          <Table.Th scope="row" fw="normal" ff="monospace">
                            {id}
                          </Table.Th>
                          <Table.Td>{formatMessage(r.reason, language)}</Table.Td>
                          <Table.Td>
                            <Stack gap={6} align="flex-start">
                              <Button
                                size="compact-xs"
                                variant="default"
                                aria-expanded={open}
                                aria-label={
                                  open
                                    ? t('sources.quarantine.hideLabel', { id })
                                    : t('sources.quarantine.showLabel', { id })
                                }
                                onClick={() => toggle(r.id)}
                              >
                                {open ? t('sources.quarantine.hide') : t('sources.quarantine.show')}
                              </Button>
                              {open && (
                                <Code
                                  block
                                  maw={520}
                                  mah={320}
                                  style={{ overflow: 'auto' }}
                                  // Scrolls: reachable by keyboard, and named as the record it shows.
                                  tabIndex={0}
                                  role="region"
                                  aria-label={t('sources.quarantine.payloadLabel', { id })}
                                  data-testid="quarantined-payload"
                                >
                                  {readable(r.payload)}
                                </Code>
                              )}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
                {records.data.total > records.data.records.length && (
                  <Text size="sm" c="dimmed">
                    {t('sources.quarantine.more', {
                      shown: format.count(records.data.records.length),
                      total: format.count(records.data.total),
                    })}
                  </Text>
                )}
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('sources.quarantine.close')}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
