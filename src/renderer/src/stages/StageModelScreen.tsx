import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconInfoCircle,
  IconPlus,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageEntry, StageModelRefusal } from '@shared/contract';
import {
  checkStageModel,
  isInUse,
  percent,
  STAGE_KINDS,
  STAGE_LIMITS,
  type StageField,
  type StageIssue,
} from '@shared/domain/stage-model';
import type { StageKind } from '@shared/domain/stages';
import { formatMessage, isMessageRef } from '@shared/messages';
import { useApi } from '../api/ApiProvider';
import { ApiError, errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { PlaybookEditor } from './PlaybookEditor';
import { useNotify } from '../notices/NoticesProvider';
import {
  changesOf,
  checkedOf,
  draftsOf,
  insertNew,
  isDirty,
  move,
  newRow,
  rowsOf,
  type Change,
  type StageRow,
} from './draft';

export const stagesKey = ['stages.list'] as const;

/** The issues a refused save names, when the answer carries them. */
function refusedIssues(error: unknown): StageIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return [];
  const issues = (error.details as Partial<StageModelRefusal> | undefined)?.issues;
  return Array.isArray(issues) ? issues.filter((i) => isMessageRef(i?.say)) : [];
}

/**
 * The workspace's stage model (PRODUCT.md, "Default stage model"): every stage with its
 * probability, dwell limit, follow-up cadence, buying phase and exit criteria, edited as
 * one working copy and saved as a whole after a confirmation naming each change. The
 * rules are checked as the manager types (the same rules the backend checks again);
 * once saved, the backend announces the change and every view refetches.
 */
export function StageModelScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const format = useFormat();
  const list = useQuery({ queryKey: stagesKey, queryFn: () => api.invoke('stages.list', {}) });

  // The stored model the working copy started from, and the working copy.
  const [base, setBase] = useState<StageEntry[] | null>(null);
  const baseRows = useMemo(() => (base ? rowsOf(base) : []), [base]);
  const [rows, setRows] = useState<StageRow[]>([]);
  const dirty = isDirty(rows, baseRows);
  // A refetch (this screen's save, another window, an import) replaces a clean copy;
  // a dirty one is kept and the manager told.
  if (list.data && list.data !== base && !dirty) {
    setBase(list.data);
    setRows(rowsOf(list.data));
  }
  // Only the model counts here: an import that moves deals changes the usage, not the model.
  const changedElsewhere = dirty && !!list.data && list.data !== base && isDirty(rowsOf(list.data), baseRows);

  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () => api.invoke('stages.save', { stages: draftsOf(rows) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(stagesKey, saved);
      setBase(saved);
      setRows(rowsOf(saved));
      setAttempted(false);
      notify({ message: t('stageModel.saved'), color: 'green' });
    },
  });

  const issues = useMemo(() => {
    const usage = new Map((base ?? []).map((s) => [s.key, s.usage]));
    return checkStageModel(checkedOf(rows), base ?? [], (key) => usage.get(key));
  }, [rows, base]);
  const refused = refusedIssues(save.error);
  const shownIssues = issues.length ? issues : refused;
  const errorAt = (index: number, field: StageField): string | undefined => {
    const issue = shownIssues.find((i) => i.index === index && i.field === field);
    return issue ? formatMessage(issue.say, language) : undefined;
  };

  const kindName = (k: StageKind) => t(`stageModel.kinds.${k}`);
  const labelOf = (row: StageRow, index: number) =>
    (language.startsWith('zh') ? row.nameZh : row.nameEn).trim() ||
    row.key.trim() ||
    t('stageModel.field.key', { position: index + 1 });

  // Moving a stage keeps the focus on the button that moved it, wherever the row lands
  // (the other arrow once it reaches an end); a new stage's key input takes the focus.
  const rowElements = useRef(new Map<string, HTMLTableRowElement>());
  const pendingFocus = useRef<{ rid: string; target: 'up' | 'down' | 'key' } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const row = rowElements.current.get(pending.rid);
    if (pending.target === 'key') {
      row?.querySelector<HTMLInputElement>('[data-field="key"]')?.focus();
      return;
    }
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${pending.target}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${pending.target === 'up' ? 'down' : 'up'}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

  const update = (rid: string, patch: Partial<StageRow>) => {
    save.reset();
    setRows((rs) => rs.map((r) => (r.rid === rid ? { ...r, ...patch } : r)));
  };
  const moveRow = (index: number, dir: 'up' | 'down') => {
    save.reset();
    pendingFocus.current = { rid: rows[index]!.rid, target: dir };
    setRows((rs) => move(rs, index, dir === 'up' ? -1 : 1));
  };
  const addRow = () => {
    save.reset();
    const row = newRow();
    setRows((rs) => insertNew(rs, row));
    pendingFocus.current = { rid: row.rid, target: 'key' };
  };
  const removeRow = (rid: string) => {
    save.reset();
    setRows((rs) => rs.filter((r) => r.rid !== rid));
  };
  const discard = () => {
    save.reset();
    setAttempted(false);
    const latest = list.data ?? base ?? [];
    setBase(latest);
    setRows(rowsOf(latest));
  };
  const trySave = () => {
    setAttempted(true);
    if (issues.length === 0) setConfirming(true);
  };

  const changes = useMemo(
    () => (confirming ? changesOf(rows, baseRows, (k) => t(`stageModel.kinds.${k}`)) : []),
    [confirming, rows, baseRows, t],
  );

  const numberValue = (v: number | null) => (v === null ? '' : v);
  const numberFrom = (v: number | string): number | null =>
    v === '' || v === '-' || Number.isNaN(Number(v)) ? null : Number(v);

  return (
    <Stack gap="sm" className="funnel-screen" data-testid="stage-model">
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={1} size="h2">
          {t('stageModel.title')}
        </Title>
        <Text c="dimmed" size="sm" aria-live="polite" data-testid="stage-model-status">
          {dirty ? t('stageModel.unsaved') : t('stageModel.noChanges')}
        </Text>
      </Group>
      <Text size="sm">{t('stageModel.intro')}</Text>

      {list.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('stageModel.loadError', { message: errorText(list.error, language) })}
        </Alert>
      )}
      {list.isLoading && (
        <Group gap="xs" c="dimmed">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('stageModel.loading')}</Text>
        </Group>
      )}

      {changedElsewhere && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          data-testid="stages-changed"
        >
          {t('stageModel.changedElsewhere')}
        </Alert>
      )}

      {/* Mantine's Alert is role="alert": announced as it appears, once a save is tried. */}
      <div className="funnel-status-slot">
        {attempted && shownIssues.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('stageModel.invalidTitle')}
            data-testid="stages-invalid"
          >
            <Text size="sm">{t('stageModel.invalidHint')}</Text>
            <List size="sm" mt="xs">
              {shownIssues.map((issue, i) => (
                <List.Item key={i}>{formatMessage(issue.say, language)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : save.error && refused.length === 0 ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            data-testid="stages-error"
          >
            {t('stageModel.saveError', { message: errorText(save.error, language) })}
          </Alert>
        ) : null}
      </div>

      {base && (
        <>
          <Table.ScrollContainer minWidth={1500}>
            <Table verticalSpacing="xs" aria-label={t('stageModel.tableLabel')} data-testid="stages-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('stageModel.columns.order')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.key')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.nameZh')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.nameEn')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.kind')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.probability')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.dwell')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.followup')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.buyingPhase')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.exitCriteria')}</Table.Th>
                  <Table.Th scope="col">{t('stageModel.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => {
                  const stage = labelOf(row, index);
                  const locked = !!row.stored && isInUse(row.stored.usage);
                  return (
                    <Table.Tr
                      key={row.rid}
                      ref={(el) => {
                        if (el) rowElements.current.set(row.rid, el);
                        else rowElements.current.delete(row.rid);
                      }}
                      data-testid="stage-row"
                      style={{ verticalAlign: 'top' }}
                    >
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm" w={20} ta="right">
                            {index + 1}
                          </Text>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('stageModel.moveUp', { stage })}
                            disabled={index === 0}
                            onClick={() => moveRow(index, 'up')}
                            data-move="up"
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('stageModel.moveDown', { stage })}
                            disabled={index === rows.length - 1}
                            onClick={() => moveRow(index, 'down')}
                            data-move="down"
                          >
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                      <Table.Th scope="row" fw="normal">
                        {row.stored ? (
                          <Stack gap={2}>
                            <Text size="sm" ff="monospace">
                              {row.key}
                            </Text>
                            {locked && (
                              <Text size="xs" c="dimmed">
                                {t('stageModel.usage', {
                                  deals: format.count(row.stored.usage.deals),
                                  history: format.count(row.stored.usage.history),
                                })}
                              </Text>
                            )}
                          </Stack>
                        ) : (
                          <Stack gap={2}>
                            <Badge size="xs" variant="light" w="fit-content">
                              {t('stageModel.newBadge')}
                            </Badge>
                            <TextInput
                              size="xs"
                              value={row.key}
                              maxLength={STAGE_LIMITS.key}
                              onChange={(e) => update(row.rid, { key: e.currentTarget.value })}
                              aria-label={t('stageModel.field.key', { position: index + 1 })}
                              error={errorAt(index, 'key')}
                              data-field="key"
                            />
                          </Stack>
                        )}
                        {row.stored && errorAt(index, 'key') && (
                          <Text size="xs" className="funnel-error-text">
                            {errorAt(index, 'key')}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          value={row.nameZh}
                          maxLength={STAGE_LIMITS.name}
                          onChange={(e) => update(row.rid, { nameZh: e.currentTarget.value })}
                          aria-label={t('stageModel.field.nameZh', { stage })}
                          error={errorAt(index, 'nameZh')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          value={row.nameEn}
                          maxLength={STAGE_LIMITS.name}
                          onChange={(e) => update(row.rid, { nameEn: e.currentTarget.value })}
                          aria-label={t('stageModel.field.nameEn', { stage })}
                          error={errorAt(index, 'nameEn')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          size="xs"
                          value={row.kind}
                          disabled={locked}
                          onChange={(e) => update(row.rid, { kind: e.currentTarget.value as StageKind })}
                          data={STAGE_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
                          aria-label={t('stageModel.field.kind', { stage })}
                          error={errorAt(index, 'kind')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          w={90}
                          value={row.probability === null ? '' : percent(row.probability)}
                          onChange={(v) => {
                            const pct = numberFrom(v);
                            update(row.rid, { probability: pct === null ? null : pct / 100 });
                          }}
                          min={0}
                          max={100}
                          decimalScale={2}
                          allowNegative={false}
                          clampBehavior="none"
                          aria-label={t('stageModel.field.probability', { stage })}
                          error={errorAt(index, 'probability')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          w={90}
                          value={numberValue(row.dwellLimitDays)}
                          onChange={(v) => update(row.rid, { dwellLimitDays: numberFrom(v) })}
                          min={0}
                          decimalScale={1}
                          allowNegative={false}
                          aria-label={t('stageModel.field.dwell', { stage })}
                          error={errorAt(index, 'dwellLimitDays')}
                          data-testid={`dwell-${row.key}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          size="xs"
                          w={90}
                          value={numberValue(row.followupDays)}
                          onChange={(v) => update(row.rid, { followupDays: numberFrom(v) })}
                          min={0}
                          decimalScale={1}
                          allowNegative={false}
                          aria-label={t('stageModel.field.followup', { stage })}
                          error={errorAt(index, 'followupDays')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          value={row.buyingPhase}
                          maxLength={STAGE_LIMITS.buyingPhase}
                          onChange={(e) => update(row.rid, { buyingPhase: e.currentTarget.value })}
                          aria-label={t('stageModel.field.buyingPhase', { stage })}
                        />
                      </Table.Td>
                      <Table.Td miw={260}>
                        <Textarea
                          size="xs"
                          autosize
                          minRows={1}
                          maxRows={5}
                          value={row.exitCriteria}
                          maxLength={STAGE_LIMITS.exitCriteria}
                          onChange={(e) => update(row.rid, { exitCriteria: e.currentTarget.value })}
                          aria-label={t('stageModel.field.exitCriteria', { stage })}
                        />
                      </Table.Td>
                      <Table.Td>
                        {!locked && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('stageModel.remove', { stage })}
                            onClick={() => removeRow(row.rid)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('stageModel.lockedHint')}
          </Text>
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={addRow}>
              {t('stageModel.add')}
            </Button>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                onClick={discard}
                disabled={!dirty && !changedElsewhere}
                data-testid="stages-discard"
              >
                {t('stageModel.discard')}
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={trySave}
                disabled={!dirty}
                loading={save.isPending}
                data-testid="stages-save"
              >
                {t('stageModel.save')}
              </Button>
            </Group>
          </Group>
        </>
      )}

      <PlaybookEditor />

      <Modal.Root opened={confirming} onClose={() => setConfirming(false)} size="lg" lockScroll={false}>
        <Modal.Overlay />
        <Modal.Content data-testid="stages-confirm">
          <Modal.Header role="presentation">
            <Modal.Title>{t('stageModel.confirmTitle')}</Modal.Title>
            <Modal.CloseButton aria-label={t('stageModel.confirmCancel')} />
          </Modal.Header>
          <Modal.Body>
            <Text size="sm">{t('stageModel.confirmBody')}</Text>
            <List size="sm" mt="xs" data-testid="stages-changes">
              {changes.map((c, i) => (
                <List.Item key={i}>{changeText(c)}</List.Item>
              ))}
            </List>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('stageModel.confirmCancel')}
              </Button>
              <Button
                onClick={() => {
                  setConfirming(false);
                  save.mutate();
                }}
                data-testid="stages-confirm-save"
              >
                {t('stageModel.confirmSave')}
              </Button>
            </Group>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </Stack>
  );

  function changeText(c: Change): string {
    const name = (row: StageRow) => `${labelOf(row, 0)} (${row.key.trim()})`;
    switch (c.kind) {
      case 'added':
        return t('stageModel.change.added', { stage: name(c.row) });
      case 'removed':
        return t('stageModel.change.removed', { stage: name(c.row) });
      case 'order':
        return t('stageModel.change.order', { order: c.rows.map((r) => labelOf(r, 0)).join(' → ') });
      case 'field':
        return t('stageModel.change.field', {
          stage: name(c.row),
          field: t(`stageModel.columns.${c.column}`),
          from: c.from ?? t('stageModel.change.none'),
          to: c.to ?? t('stageModel.change.none'),
        });
    }
  }
}
