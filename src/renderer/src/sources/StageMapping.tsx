import { Alert, Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconRestore, IconWand } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView, StageMappingRow } from '@shared/contract';
import { stageLabel } from '@shared/domain/stages';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { stagesKey } from '../stages/StageModelScreen';
import { crmName, isUpstreamStageKey } from './crm';
import { connectionsKey, mappingKey, useMapping } from './useSync';

/** The select's value for "keep as its own stage" (no stage key is empty). */
const OWN = '';
const rowKey = (r: Pick<StageMappingRow, 'pipeline' | 'stage'>) => `${r.pipeline}\u0000${r.stage}`;

/**
 * Where each upstream stage lands in the workspace's stage model: a table of the CRM's
 * pipelines and stages with their deals now, the workbench's suggestion, and a choice of
 * workspace stage or "keep as its own stage". Edits stay a draft until saved; saving
 * re-maps the stored deals and timelines at once (no download) and says how many moved.
 */
export function StageMapping({ connection }: { connection: CrmConnectionView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useFormat();
  const crm = crmName(connection.kind);
  const mapping = useMapping(connection.id);
  const stages = useQuery({ queryKey: stagesKey, queryFn: () => api.invoke('stages.list', {}) });
  const [edits, setEdits] = useState<Map<string, string | null>>(new Map());

  const targets = useMemo(
    () =>
      (stages.data ?? [])
        .filter((s) => !isUpstreamStageKey(s.key))
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ value: s.key, label: stageLabel(s, language) })),
    [stages.data, language],
  );
  const nameOf = (key: string) => targets.find((s) => s.value === key)?.label ?? key;
  const options = [...targets, { value: OWN, label: t('sources.mapping.keepOwn') }];

  const rows = mapping.data?.rows ?? [];
  const valueOf = (r: StageMappingRow) => {
    const k = rowKey(r);
    return edits.has(k) ? edits.get(k)! : r.stageKey;
  };
  const changed = rows.filter((r) => valueOf(r) !== r.stageKey);
  const running = connection.running !== null;

  const setValue = (r: StageMappingRow, value: string | null) => {
    save.reset();
    setEdits((m) => {
      const next = new Map(m);
      if (value === r.stageKey) next.delete(rowKey(r));
      else next.set(rowKey(r), value);
      return next;
    });
  };

  const save = useMutation({
    mutationFn: () =>
      api.invoke('sync.saveMapping', {
        connectionId: connection.id,
        rows: changed.map((r) => ({ pipeline: r.pipeline, stage: r.stage, stageKey: valueOf(r) })),
      }),
    onSuccess: ({ rows: saved, dealsRemapped }) => {
      queryClient.setQueryData(mappingKey(connection.id), { rows: saved });
      setEdits(new Map());
      // The unmapped count in the list; the views refresh through workspace.changed.
      void queryClient.invalidateQueries({ queryKey: connectionsKey });
      notify({ message: t('sources.mapping.saved', { count: dealsRemapped }), color: 'green' });
    },
  });

  if (mapping.error)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('sources.mapping.loadError', { message: errorText(mapping.error, language) })}
      </Alert>
    );
  if (mapping.isLoading || stages.isLoading)
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('sources.mapping.loading')}</Text>
      </Group>
    );

  return (
    <Stack gap="sm" data-testid="stage-mapping">
      <Text size="sm">{t('sources.mapping.intro')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sources.mapping.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table
              verticalSpacing="xs"
              striped
              aria-label={t('sources.mapping.tableLabel', { crm })}
              data-testid="mapping-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('sources.mapping.columns.pipeline')}</Table.Th>
                  <Table.Th scope="col">{t('sources.mapping.columns.stage')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('sources.mapping.columns.deals')}
                  </Table.Th>
                  <Table.Th scope="col">{t('sources.mapping.columns.target')}</Table.Th>
                  <Table.Th scope="col">{t('sources.mapping.columns.suggested')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const value = valueOf(r);
                  const stage = `${r.pipelineName} / ${r.stageName}`;
                  return (
                    <Table.Tr key={rowKey(r)} data-testid="mapping-row" data-stage={r.stage}>
                      <Table.Td>{r.pipelineName}</Table.Td>
                      <Table.Th scope="row" fw="normal">
                        <Group gap="xs" wrap="nowrap">
                          <span>{r.stageName}</span>
                          {r.stageKey === null && (
                            <Badge color="yellow" variant="filled" c="black" size="sm" tt="none">
                              {t('sources.mapping.ownBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Th>
                      <Table.Td ta="right">{format.count(r.deals)}</Table.Td>
                      <Table.Td>
                        <NativeSelect
                          size="xs"
                          value={value ?? OWN}
                          onChange={(e) =>
                            setValue(r, e.currentTarget.value === OWN ? null : e.currentTarget.value)
                          }
                          data={options}
                          aria-label={t('sources.mapping.targetLabel', {
                            pipeline: r.pipelineName,
                            stage: r.stageName,
                          })}
                          data-testid={`mapping-target-${r.stage}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" c={r.suggested ? undefined : 'dimmed'}>
                            {r.suggested ? nameOf(r.suggested) : t('sources.mapping.noSuggestion')}
                          </Text>
                          {r.suggested && value !== r.suggested && (
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setValue(r, r.suggested)}
                              aria-label={t('sources.mapping.useSuggestionLabel', {
                                stage,
                                suggested: nameOf(r.suggested),
                              })}
                            >
                              {t('sources.mapping.useSuggestion')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <div className="funnel-status-slot">
            {save.error ? (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                data-testid="mapping-error"
              >
                {t('sources.mapping.failed', { message: errorText(save.error, language) })}
              </Alert>
            ) : null}
          </div>
          {running && (
            <Text size="sm" c="dimmed">
              {t('sources.mapping.running')}
            </Text>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconWand size={16} aria-hidden />}
              onClick={() => rows.forEach((r) => r.suggested && setValue(r, r.suggested))}
              disabled={rows.every((r) => !r.suggested || valueOf(r) === r.suggested)}
            >
              {t('sources.mapping.useAll')}
            </Button>
            <Group gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="mapping-status">
                {changed.length > 0 ? t('sources.mapping.unsaved') : t('sources.mapping.noChanges')}
              </Text>
              <Button
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                onClick={() => {
                  save.reset();
                  setEdits(new Map());
                }}
                disabled={changed.length === 0}
              >
                {t('sources.mapping.discard')}
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={() => save.mutate()}
                disabled={changed.length === 0 || running}
                loading={save.isPending}
                data-testid="mapping-save"
              >
                {t('sources.mapping.save')}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
