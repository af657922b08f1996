import { Button, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { connectionsKey, type ConnectionsResult } from './useSync';

const PRESETS = [15, 30, 60] as const;
const MIN = 5;
const MAX = 24 * 60;

/**
 * Automatic sync every N minutes while the app is open: off, a common interval, or any
 * whole number of minutes the backend accepts (5–1440).
 */
export function SyncSchedule({ connection }: { connection: CrmConnectionView }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const current = connection.autoSyncMinutes;
  const isPreset = current === null || (PRESETS as readonly number[]).includes(current);
  const [custom, setCustom] = useState<number | ''>(isPreset ? '' : current);
  const [choosingCustom, setChoosingCustom] = useState(!isPreset);
  const selected = choosingCustom ? 'custom' : current === null ? 'off' : String(current);

  const save = useMutation({
    mutationFn: (everyMinutes: number | null) =>
      api.invoke('sync.schedule', { connectionId: connection.id, everyMinutes }),
    onSuccess: (updated) => {
      // The channel announces nothing (a schedule changes no figure): update the list here.
      queryClient.setQueryData<ConnectionsResult>(connectionsKey, (old) =>
        old
          ? {
              ...old,
              connections: old.connections.map((c) => (c.id === updated.id ? { ...c, ...updated } : c)),
            }
          : old,
      );
      notify({
        message:
          updated.autoSyncMinutes === null
            ? t('sources.schedule.savedOff')
            : t('sources.schedule.saved', {
                every: t('sources.schedule.every', { count: updated.autoSyncMinutes }),
              }),
        color: 'green',
      });
    },
    onError: (e) =>
      notify({
        message: t('sources.schedule.failed', { message: errorText(e, i18n.language) }),
        color: 'red',
      }),
  });

  const customValid =
    typeof custom === 'number' && Number.isInteger(custom) && custom >= MIN && custom <= MAX;

  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('sources.schedule.label')}
          value={selected}
          w={240}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (value === 'custom') {
              setChoosingCustom(true);
              return;
            }
            setChoosingCustom(false);
            save.mutate(value === 'off' ? null : Number(value));
          }}
          data={[
            { value: 'off', label: t('sources.schedule.off') },
            ...PRESETS.map((m) => ({ value: String(m), label: t('sources.schedule.every', { count: m }) })),
            { value: 'custom', label: t('sources.schedule.custom') },
          ]}
          disabled={save.isPending}
          data-testid="sync-schedule"
        />
        {choosingCustom && (
          <>
            <NumberInput
              label={t('sources.schedule.customLabel')}
              value={custom}
              onChange={(v) => setCustom(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
              min={MIN}
              max={MAX}
              step={5}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              w={220}
              error={custom !== '' && !customValid ? t('sources.schedule.invalid') : undefined}
              data-testid="sync-schedule-custom"
            />
            <Button
              variant="default"
              onClick={() => customValid && save.mutate(custom)}
              disabled={!customValid || custom === current}
              loading={save.isPending}
              data-testid="sync-schedule-apply"
            >
              {t('sources.schedule.apply')}
            </Button>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('sources.schedule.hint')}
      </Text>
    </Stack>
  );
}
