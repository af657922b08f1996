import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { crmName } from './crm';

/**
 * Disconnecting asks first and says what happens: the deals stay as local copies (with
 * everything the manager added to them); the token, mapping and run log go.
 */
export function DisconnectDialog({
  connection,
  opened,
  onClose,
  onDisconnected,
}: {
  connection: CrmConnectionView;
  opened: boolean;
  onClose: () => void;
  onDisconnected: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const crm = crmName(connection.kind);
  const disconnect = useMutation({
    mutationFn: () => api.invoke('sync.disconnect', { connectionId: connection.id }),
    onSuccess: () => {
      onClose();
      notify({ message: t('sources.disconnect.done', { crm }), color: 'green' });
      onDisconnected();
    },
    onError: (e) =>
      notify({
        message: t('sources.disconnect.failed', { message: errorText(e, i18n.language) }),
        color: 'red',
      }),
  });

  return (
    <Modal.Root opened={opened} onClose={onClose} lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="disconnect-dialog">
        <Modal.Header role="presentation">
          <Modal.Title>{t('sources.disconnect.title', { crm, account: connection.label })}</Modal.Title>
          <Modal.CloseButton aria-label={t('sources.disconnect.cancel')} />
        </Modal.Header>
        <Modal.Body>
          <Stack gap="sm">
            <Text size="sm">{t('sources.disconnect.body', { count: connection.deals })}</Text>
            <Text size="sm">{t('sources.disconnect.removes')}</Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose} data-autofocus>
                {t('sources.disconnect.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => disconnect.mutate()}
                loading={disconnect.isPending}
                data-testid="disconnect-confirm"
              >
                {t('sources.disconnect.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
