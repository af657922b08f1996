import {
  Alert,
  Button,
  Group,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/contract';
import { stageLabel, type Stage } from '@shared/domain/stages';
import {
  detectDateOrder,
  hasAmbiguousDates,
  MAPPABLE_COLUMNS,
  presetMapping,
  REQUIRED_MAPPED,
  type DateOrder,
  type DealMapping,
  type MappableColumn,
  type MappingPreset,
} from '@shared/imports/column-mapping';
import { formatMessage } from '@shared/messages';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import {
  assignColumn,
  dateValues,
  initialMapping,
  stageValues,
  toPreset,
  withStageSuggestions,
} from './mapping-draft';

/** How many of the first rows each column shows as its sample. */
const SAMPLES = 3;

const presetsKey = ['import.presets'] as const;

/**
 * The mapping step for a CRM's own deals export: each file column (with its first values)
 * onto a canonical column, each stage value onto a workspace stage, the date order where
 * 3/4/2026 is ambiguous, and saved presets. Native selects throughout: every choice works
 * by keyboard and screen reader as the platform's own control.
 */
export function MappingStep({
  preview,
  start,
  busy = false,
  onBack,
  onCheck,
}: {
  preview: ImportPreview;
  /** The mapping to reopen with (back from the check), instead of the suggestions. */
  start?: DealMapping;
  /** The check is running. */
  busy?: boolean;
  onBack: () => void;
  onCheck: (mapping: DealMapping) => void;
}) {
  const api = useApi();
  const stages = useQuery({ queryKey: ['stages.list'], queryFn: () => api.invoke('stages.list', {}) });
  const presets = useQuery({ queryKey: presetsKey, queryFn: () => api.invoke('import.presets', {}) });
  if (!stages.data || !presets.data) return <Text size="sm">…</Text>;
  return (
    <MappingForm
      preview={preview}
      stages={stages.data}
      presets={presets.data}
      {...(start ? { start } : {})}
      busy={busy}
      onBack={onBack}
      onCheck={onCheck}
    />
  );
}

function MappingForm({
  preview,
  stages,
  presets,
  start,
  busy,
  onBack,
  onCheck,
}: {
  preview: ImportPreview;
  stages: readonly Stage[];
  presets: readonly MappingPreset[];
  start?: DealMapping;
  busy: boolean;
  onBack: () => void;
  onCheck: (mapping: DealMapping) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const initial = useMemo(() => initialMapping(preview, stages, presets), [preview, stages, presets]);
  const [mapping, setMapping] = useState<DealMapping>(start ?? initial.mapping);
  const [presetName, setPresetName] = useState(initial.preset ?? '');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(
    initial.preset && !start
      ? { ok: true, text: t('import.mapping.presetApplied', { name: initial.preset }) }
      : null,
  );

  const missing = REQUIRED_MAPPED.filter((c) => mapping.columns[c] === undefined);
  const dates = dateValues(preview, mapping);
  const ambiguous = hasAmbiguousDates(dates);
  const decided = detectDateOrder(dates);
  const values = stageValues(preview, mapping);
  const targetOf = (index: number) =>
    (Object.entries(mapping.columns) as [MappableColumn, number][]).find(([, i]) => i === index)?.[0] ?? '';

  const applyPreset = (name: string) => {
    const preset = presets.find((p) => p.name === name);
    if (!preset) return;
    setMapping(withStageSuggestions(preview, presetMapping(preset, preview.header), stages));
    setPresetName(name);
    setNotice({ ok: true, text: t('import.mapping.presetApplied', { name }) });
  };
  const save = async () => {
    try {
      const list = await api.invoke('import.savePreset', { preset: toPreset(presetName, preview, mapping) });
      queryClient.setQueryData(presetsKey, list);
      setNotice({ ok: true, text: t('import.mapping.presetSaved', { name: presetName.trim() }) });
    } catch (e) {
      setNotice({
        ok: false,
        text: t('import.mapping.presetError', { message: errorText(e, i18n.language) }),
      });
    }
  };

  const targetOptions = [
    { value: '', label: t('import.mapping.ignore') },
    ...MAPPABLE_COLUMNS.map((c) => ({ value: c, label: t(`import.mapping.column.${c}`) })),
  ];
  const stageOptions = [
    { value: '', label: t('import.mapping.stageChoose') },
    ...stages.map((s) => ({ value: s.key, label: `${stageLabel(s, i18n.language)} (${s.key})` })),
  ];

  return (
    <Stack gap="md" data-testid="import-mapping">
      <Title order={3} size="h4">
        {t('import.mapping.title')}
      </Title>
      <Text size="sm">{t('import.mapping.intro', { count: preview.records })}</Text>
      {preview.warnings.map((w, i) => (
        <Alert key={i} color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {formatMessage({ key: w.code, params: w.params }, i18n.language)}
        </Alert>
      ))}

      <Group align="flex-end" gap="sm">
        {presets.length > 0 && (
          <NativeSelect
            label={t('import.mapping.preset')}
            data={[{ value: '', label: t('import.mapping.presetNone') }, ...presets.map((p) => p.name)]}
            value=""
            onChange={(e) => applyPreset(e.currentTarget.value)}
            data-testid="import-mapping-preset"
          />
        )}
        <TextInput
          label={t('import.mapping.presetName')}
          value={presetName}
          onChange={(e) => setPresetName(e.currentTarget.value)}
          maxLength={80}
          data-testid="import-mapping-preset-name"
        />
        <Button
          variant="default"
          onClick={() => void save()}
          disabled={presetName.trim() === ''}
          data-testid="import-mapping-preset-save"
        >
          {t('import.mapping.presetSave')}
        </Button>
      </Group>
      {notice && (
        <Text size="sm" role="status" c={notice.ok ? undefined : 'red.8'}>
          {notice.text}
        </Text>
      )}

      <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
        <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="import-mapping-columns">
          <caption>
            <VisuallyHidden>{t('import.mapping.columnsCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.mapping.fileColumn')}</Table.Th>
              <Table.Th scope="col">{t('import.mapping.sample')}</Table.Th>
              <Table.Th scope="col" w={280}>
                {t('import.mapping.target')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.header.map((column, i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row">{column || t('import.mapping.unnamed', { n: i + 1 })}</Table.Th>
                <Table.Td>
                  {preview.rows
                    .slice(0, SAMPLES)
                    .map((r) => r[i] ?? '')
                    .filter((v) => v !== '')
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('import.mapping.columnLabel', { column: column || i + 1 })}
                    data={targetOptions}
                    value={targetOf(i)}
                    onChange={(e) => {
                      // Read now: React clears currentTarget once the handler returns.
                      const target = (e.currentTarget.value || null) as MappableColumn | null;
                      setMapping((m) => withStageSuggestions(preview, assignColumn(m, i, target), stages));
                    }}
                    data-testid={`import-mapping-column-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>

      {missing.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
          {t('import.mapping.required', {
            columns: missing.map((c) => t(`import.mapping.column.${c}`)).join(', '),
          })}
        </Alert>
      )}
      {mapping.columns.created_at === undefined && (
        <Text size="sm" data-testid="import-mapping-created">
          {t('import.mapping.createdMissing')}
        </Text>
      )}
      {ambiguous && (
        <NativeSelect
          label={t('import.mapping.dateOrder')}
          description={decided ? t('import.mapping.dateDecided') : t('import.mapping.dateDefault')}
          data={[
            { value: 'mdy', label: t('import.mapping.mdy') },
            { value: 'dmy', label: t('import.mapping.dmy') },
          ]}
          value={mapping.dateOrder}
          onChange={(e) => {
            const dateOrder = e.currentTarget.value as DateOrder;
            setMapping((m) => ({ ...m, dateOrder }));
          }}
          data-testid="import-mapping-date-order"
        />
      )}

      {mapping.columns.stage !== undefined &&
        (values === null ? (
          <Text size="sm">{t('import.mapping.stagesTooMany')}</Text>
        ) : (
          values.length > 0 && (
            <div>
              <Title order={4} size="h5" mb={4} id="import-mapping-stages-title">
                {t('import.mapping.stagesTitle')}
              </Title>
              <Table
                withTableBorder
                verticalSpacing={4}
                fz="sm"
                aria-labelledby="import-mapping-stages-title"
                data-testid="import-mapping-stages"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('import.mapping.stageValue')}</Table.Th>
                    <Table.Th scope="col" w={260}>
                      {t('import.mapping.stageTarget')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.map((v, i) => (
                    <Table.Tr key={v}>
                      <Table.Th scope="row">{v}</Table.Th>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('import.mapping.stageLabel', { value: v })}
                          data={stageOptions}
                          value={mapping.stages[v] ?? ''}
                          onChange={(e) => {
                            const key = e.currentTarget.value;
                            setMapping((m) => {
                              const next = { ...m.stages };
                              if (key) next[v] = key;
                              else delete next[v];
                              return { ...m, stages: next };
                            });
                          }}
                          data-testid={`import-mapping-stage-${i}`}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {values.some((v) => mapping.stages[v] === undefined) && (
                <Text size="sm" mt={4}>
                  {t('import.mapping.stagesUnmapped')}
                </Text>
              )}
            </div>
          )
        ))}

      <Group justify="flex-end">
        <Button variant="subtle" onClick={onBack} disabled={busy}>
          {t('import.back')}
        </Button>
        <Button
          onClick={() => onCheck(mapping)}
          disabled={missing.length > 0}
          loading={busy}
          data-testid="import-mapping-check"
        >
          {t('import.mapping.check')}
        </Button>
      </Group>
    </Stack>
  );
}
