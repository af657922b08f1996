import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Grid,
  Stack,
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
  IconPlus,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagePlaybook } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { moveBy } from '../plans/plan-form';
import { PLANS_KEY, planKeys, usePlaybooks } from '../plans/usePlans';

interface ActionRow {
  rid: string;
  id?: number;
  textZh: string;
  textEn: string;
}
interface PlaybookRow {
  stageKey: string;
  visitGoal: string;
  actions: ActionRow[];
}

let nextRid = 1;
const rowsOf = (playbooks: readonly StagePlaybook[]): PlaybookRow[] =>
  playbooks.map((p) => ({
    stageKey: p.stageKey,
    visitGoal: p.visitGoal ?? '',
    actions: p.actions.map((a) => ({ rid: `a${nextRid++}`, id: a.id, textZh: a.textZh, textEn: a.textEn })),
  }));
/** What is compared to know whether anything changed (row keys left out). */
const shape = (rows: readonly PlaybookRow[]) =>
  JSON.stringify(
    rows.map((r) => [
      r.stageKey,
      r.visitGoal.trim(),
      r.actions.map((a) => [a.id ?? null, a.textZh.trim(), a.textEn.trim()]),
    ]),
  );

/**
 * The standard sales actions (标准化销售动作) of each open stage, edited beside the stage's
 * buying phase and exit criteria: the goal of a visit, and the actions in order, in
 * Chinese and English (either may be empty, not both). Saved on their own with
 * `playbook.save`, in one transaction; an existing action keeps its id, so plans that
 * took it still know where it came from.
 */
export function PlaybookEditor() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const labels = useLabels(useFacets().data);
  const list = usePlaybooks();
  const [base, setBase] = useState<readonly StagePlaybook[] | null>(null);
  const [rows, setRows] = useState<PlaybookRow[]>([]);
  const [attempted, setAttempted] = useState(false);
  const dirty = base !== null && shape(rows) !== shape(rowsOf(base));
  // A refetch replaces a clean working copy; a dirty one is kept.
  if (list.data && list.data !== base && !dirty) {
    setBase(list.data);
    setRows(rowsOf(list.data));
  }
  const save = useMutation({
    mutationFn: () =>
      api.invoke('playbook.save', {
        playbooks: rows.map((r) => ({
          stageKey: r.stageKey,
          visitGoal: r.visitGoal.trim() || null,
          actions: r.actions.map((a) => ({
            ...(a.id !== undefined ? { id: a.id } : {}),
            textZh: a.textZh.trim(),
            textEn: a.textEn.trim(),
          })),
        })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.playbook, saved);
      void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      setBase(saved);
      setRows(rowsOf(saved));
      setAttempted(false);
      notify({ message: t('plans.playbook.saved'), color: 'green' });
    },
  });
  const empty = (a: ActionRow) => !a.textZh.trim() && !a.textEn.trim();
  const invalid = rows.some((r) => r.actions.some(empty));
  const update = (stageKey: string, change: (row: PlaybookRow) => PlaybookRow) => {
    save.reset();
    setRows((rs) => rs.map((r) => (r.stageKey === stageKey ? change(r) : r)));
  };
  const setAction = (stageKey: string, rid: string, patch: Partial<ActionRow>) =>
    update(stageKey, (r) => ({
      ...r,
      actions: r.actions.map((a) => (a.rid === rid ? { ...a, ...patch } : a)),
    }));

  return (
    <Stack gap="sm" mt="xl" data-testid="playbook-editor">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3">
          {t('plans.playbook.title')}
        </Title>
        <Text c="dimmed" size="sm" aria-live="polite">
          {dirty ? t('plans.playbook.unsaved') : ''}
        </Text>
      </Group>
      <Text size="sm">{t('plans.playbook.intro')}</Text>
      {list.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('plans.playbook.loadError', { message: errorText(list.error, i18n.language) })}
        </Alert>
      )}
      {rows.map((row) => {
        const stage = labels.stage(row.stageKey);
        const info = base?.find((p) => p.stageKey === row.stageKey);
        return (
          <Paper withBorder p="md" key={row.stageKey} data-testid="playbook-stage" data-stage={row.stageKey}>
            <Title order={3} size="h4" mb="xs">
              {stage}
            </Title>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Stack gap={6}>
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('plans.playbook.buyingPhase')}
                    </Text>
                    <Text size="sm">{info?.buyingPhase || t('plans.playbook.none')}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('plans.playbook.exitCriteria')}
                    </Text>
                    <Text size="sm">{info?.exitCriteria || t('plans.playbook.none')}</Text>
                  </div>
                  <Textarea
                    label={t('plans.playbook.visitGoal', { stage })}
                    value={row.visitGoal}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      update(row.stageKey, (r) => ({ ...r, visitGoal: value }));
                    }}
                    autosize
                    minRows={2}
                    maxRows={5}
                    maxLength={2000}
                  />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Stack gap={6}>
                  <Text size="sm" fw={500}>
                    {t('plans.playbook.actions', { stage })}
                  </Text>
                  {row.actions.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('plans.playbook.noActions')}
                    </Text>
                  )}
                  {row.actions.map((a, i) => {
                    const n = i + 1;
                    const error = attempted && empty(a) ? t('plans.playbook.needText') : undefined;
                    return (
                      <Group
                        key={a.rid}
                        gap="xs"
                        wrap="nowrap"
                        align="flex-start"
                        data-testid="playbook-action"
                      >
                        <TextInput
                          aria-label={t('plans.playbook.textZh', { n, stage })}
                          placeholder="中文"
                          value={a.textZh}
                          onChange={(e) => setAction(row.stageKey, a.rid, { textZh: e.currentTarget.value })}
                          maxLength={500}
                          error={error}
                          style={{ flex: 1 }}
                          lang="zh-CN"
                        />
                        <TextInput
                          aria-label={t('plans.playbook.textEn', { n, stage })}
                          placeholder="English"
                          value={a.textEn}
                          onChange={(e) => setAction(row.stageKey, a.rid, { textEn: e.currentTarget.value })}
                          maxLength={500}
                          style={{ flex: 1 }}
                          lang="en"
                        />
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={4}
                          aria-label={t('plans.playbook.moveUp', { n, stage })}
                          disabled={i === 0}
                          onClick={() =>
                            update(row.stageKey, (r) => ({ ...r, actions: moveBy(r.actions, i, -1) }))
                          }
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={4}
                          aria-label={t('plans.playbook.moveDown', { n, stage })}
                          disabled={i === row.actions.length - 1}
                          onClick={() =>
                            update(row.stageKey, (r) => ({ ...r, actions: moveBy(r.actions, i, 1) }))
                          }
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={4}
                          aria-label={t('plans.playbook.remove', { n, stage })}
                          onClick={() =>
                            update(row.stageKey, (r) => ({
                              ...r,
                              actions: r.actions.filter((x) => x.rid !== a.rid),
                            }))
                          }
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    );
                  })}
                  <Button
                    size="xs"
                    variant="subtle"
                    w="fit-content"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() =>
                      update(row.stageKey, (r) => ({
                        ...r,
                        actions: [...r.actions, { rid: `a${nextRid++}`, textZh: '', textEn: '' }],
                      }))
                    }
                    data-testid="playbook-add"
                  >
                    {t('plans.playbook.add')}
                  </Button>
                </Stack>
              </Grid.Col>
            </Grid>
          </Paper>
        );
      })}
      {save.error && (
        <Text size="sm" className="funnel-error-text" role="alert">
          {t('plans.playbook.saveError', { message: errorText(save.error, i18n.language) })}
        </Text>
      )}
      {base && (
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            leftSection={<IconRestore size={16} aria-hidden />}
            disabled={!dirty}
            onClick={() => {
              save.reset();
              setAttempted(false);
              setRows(rowsOf(list.data ?? base));
              setBase(list.data ?? base);
            }}
          >
            {t('plans.playbook.discard')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => {
              setAttempted(true);
              if (!invalid) save.mutate();
            }}
            data-testid="playbook-save"
          >
            {t('plans.playbook.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
