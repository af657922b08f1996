import { Button, Group, Text } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeckScope } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { downloadBytes } from '../export/download';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';

/**
 * The quarterly forecast deck in one click: the view's quarter and scope, in the UI's
 * language, built by the backend (`deck.export`, the same file as `funnel deck`) and
 * downloaded as a PPTX. Building takes a moment on a large workspace: the button spins and
 * says so; a failure is said in a notice that stays until it is read.
 */
export function ExportDeckButton({ scope }: { scope: Omit<DeckScope, 'lang'> | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const format = useFormat();
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const deck = useMutation({
    mutationFn: (input: DeckScope) => api.invoke('deck.export', input),
    onSuccess: (file) => {
      downloadBytes(file.fileName, file.base64, file.mime);
      notify({
        message: t('forecastView.deck.done', { file: file.fileName, slides: file.slides }),
        color: 'green',
      });
    },
    onError: (error) =>
      notify({
        message: t('forecastView.deck.error', { message: errorText(error, i18n.language) }),
        color: 'red',
        autoClose: 0,
      }),
  });
  return (
    <Group gap="sm" wrap="nowrap">
      {deck.isPending && (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="forecast-deck-building">
          {t('forecastView.deck.building')}
        </Text>
      )}
      <Button
        leftSection={<IconPresentation size={16} aria-hidden />}
        onClick={() => scope && deck.mutate({ ...scope, lang })}
        loading={deck.isPending}
        disabled={scope === null}
        data-testid="forecast-export-deck"
      >
        {scope
          ? t('forecastView.deck.export', { quarter: format.quarter(scope.quarter) })
          : t('forecastView.deck.exportPlain')}
      </Button>
    </Group>
  );
}
