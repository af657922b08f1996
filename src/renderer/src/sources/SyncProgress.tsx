import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncProgressEvent } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { durationText } from './timing';

interface Props {
  crm: string;
  /** null: the run was asked for and has not reported yet. */
  progress: SyncProgressEvent | null;
  cancelling: boolean;
}

/**
 * A running sync: what it is doing, pages and records so far, of how many when the CRM
 * says (HubSpot's search and Salesforce's query give a total; Pipedrive's cursor does
 * not), and the time left at the pace so far. Without a total the bar runs without a
 * value rather than pretending to know.
 */
export function SyncProgress({ crm, progress, cancelling }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = progress?.total ?? null;
  const percent =
    progress && total !== null && total > 0
      ? Math.min(100, Math.round((100 * progress.records) / total))
      : null;

  const parts: string[] = [];
  if (progress) {
    parts.push(t('sources.progress.pages', { count: progress.pages }));
    parts.push(
      total !== null
        ? t('sources.progress.recordsOf', {
            records: format.count(progress.records),
            total: format.count(total),
          })
        : t('sources.progress.records', { records: format.count(progress.records) }),
    );
    // The estimate is of the changes still to download; the sweep after them has none.
    if (progress.etaMs !== null && progress.etaMs >= 1000 && progress.phase === 'changes')
      parts.push(t('sources.progress.eta', { time: durationText(t, progress.etaMs) }));
  }
  const phase = progress ? t(`sources.progress.phase.${progress.phase}`) : t('sources.progress.starting');
  const detail = parts.join(' · ');

  return (
    <Stack gap={6} data-testid="sync-progress">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" fw={600}>
          {phase}
        </Text>
        <Text size="sm" data-testid="sync-progress-detail">
          {detail}
        </Text>
      </Group>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={t('sources.progress.label', { crm })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={[phase, detail].filter(Boolean).join(' · ')}
        data-testid="sync-progress-bar"
        data-records={progress?.records ?? 0}
      >
        <Progress.Section
          value={percent ?? 100}
          striped
          animated={percent === null}
          // The root is the progressbar; the section is only paint.
          withAria={false}
        />
      </Progress.Root>
      {cancelling && (
        <Text size="sm" c="dimmed">
          {t('sources.progress.cancelling')}
        </Text>
      )}
    </Stack>
  );
}
