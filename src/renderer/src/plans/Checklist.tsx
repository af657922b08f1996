import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagePlaybook } from '@shared/contract';
import { actionText } from '@shared/domain/sales-actions';
import { stageFit } from '@shared/domain/stage-fit';
import type { Stage } from '@shared/domain/stages';
import type { useLabels } from '../pipeline/useFacets';
import { itemKey, moveBy, type FormItem } from './plan-form';
import { StageFitAlert } from './StageFitAlert';
import classes from './Plans.module.css';
import { ink } from './ink';

type Labels = ReturnType<typeof useLabels>;

const toneOf = (item: FormItem) =>
  item.source === 'coverage' ? 'orange' : item.source === 'other_stage' ? 'yellow' : 'gray';

/**
 * The plan's checklist: the standard actions of the deal's stage and the coverage gaps
 * to close, plus actions picked from other stages (grouped by stage) or written for this
 * visit. An action of another stage carries a stage-fit warning right under it, judged
 * as the manager edits (the same rule the backend applies to the saved plan): which stage
 * it belongs to, and what the deal's stage calls for instead.
 */
export function Checklist({
  items,
  onChange,
  dealStage,
  stages,
  playbooks,
  labels,
  readOnly = false,
}: {
  items: FormItem[];
  onChange: (items: FormItem[]) => void;
  dealStage: string;
  stages: readonly Stage[];
  playbooks: readonly StagePlaybook[];
  labels: Labels;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const [custom, setCustom] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const own = playbooks.find((p) => p.stageKey === dealStage);
  const text = (a: { textZh: string; textEn: string }) => actionText(a, lang);

  const warnings = useMemo(() => {
    const list = stageFit(
      items.map((item, i) => ({ id: i, stageKey: item.stageKey, text: item.text })),
      dealStage,
      stages,
      own?.actions ?? [],
    );
    return new Map(list.map((w) => [w.itemId, w]));
  }, [items, dealStage, stages, own]);

  // Every standard action not on the list yet, this stage's first, then the others by stage.
  const onList = new Set(items.map((i) => i.actionId).filter((id) => id !== null));
  const groups = playbooks
    .map((p) => ({
      group:
        p.stageKey === dealStage
          ? `${labels.stage(p.stageKey)} · ${t('plans.checklist.source.stage')}`
          : labels.stage(p.stageKey),
      own: p.stageKey === dealStage,
      items: p.actions.filter((a) => !onList.has(a.id)).map((a) => ({ value: String(a.id), label: text(a) })),
    }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => Number(b.own) - Number(a.own));
  const actionById = new Map(playbooks.flatMap((p) => p.actions.map((a) => [a.id, a] as const)));

  const addAction = (value: string | null) => {
    const action = value ? actionById.get(Number(value)) : undefined;
    if (!action) return;
    onChange([
      ...items,
      {
        key: itemKey(),
        actionId: action.id,
        stageKey: action.stageKey,
        text: text(action),
        source: action.stageKey === dealStage ? 'stage' : 'other_stage',
        done: false,
      },
    ]);
    setPicked(null);
  };
  const addCustom = () => {
    const body = custom.trim();
    if (!body) return;
    onChange([
      ...items,
      { key: itemKey(), actionId: null, stageKey: null, text: body, source: 'custom', done: false },
    ]);
    setCustom('');
  };
  const patch = (index: number, change: Partial<FormItem>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  return (
    <section aria-labelledby={headingId} data-testid="plan-checklist">
      <h3 id={headingId} className={classes.heading}>
        {t('plans.checklist.title')}
      </h3>
      <Text size="xs" c="dimmed" mb="xs">
        {t('plans.checklist.hint')}
      </Text>
      {own?.visitGoal && (
        <Text size="sm" mb={4}>
          {t('plans.checklist.visitGoal', { stage: labels.stage(dealStage), goal: own.visitGoal })}
        </Text>
      )}
      {own?.exitCriteria && (
        <Text size="sm" mb="xs" c="dimmed">
          {t('plans.checklist.exitCriteria', { stage: labels.stage(dealStage), criteria: own.exitCriteria })}
        </Text>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.checklist.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap={6} className="funnel-plain-list">
          {items.map((item, index) => {
            const warning = warnings.get(index);
            return (
              <Paper
                component="li"
                key={item.key}
                withBorder
                p="xs"
                data-testid="checklist-item"
                data-source={item.source}
                data-stage={item.stageKey ?? undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Checkbox
                    checked={item.done}
                    onChange={(e) => patch(index, { done: e.currentTarget.checked })}
                    label={item.text}
                    disabled={readOnly}
                    styles={{ body: { alignItems: 'flex-start' } }}
                  />
                  <Group gap={2} wrap="nowrap">
                    <Badge size="xs" tt="none" variant="light" color={toneOf(item)} {...ink(toneOf(item))}>
                      {item.stageKey && item.source !== 'coverage'
                        ? labels.stage(item.stageKey)
                        : t(`plans.checklist.source.${item.source}`)}
                    </Badge>
                    {!readOnly && (
                      <>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={t('plans.checklist.moveUp', { item: item.text })}
                          disabled={index === 0}
                          onClick={() => onChange(moveBy(items, index, -1))}
                        >
                          <IconArrowUp size={14} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={t('plans.checklist.moveDown', { item: item.text })}
                          disabled={index === items.length - 1}
                          onClick={() => onChange(moveBy(items, index, 1))}
                        >
                          <IconArrowDown size={14} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={t('plans.checklist.remove', { item: item.text })}
                          onClick={() => onChange(items.filter((_, i) => i !== index))}
                          data-testid="checklist-remove"
                        >
                          <IconTrash size={14} aria-hidden />
                        </ActionIcon>
                      </>
                    )}
                  </Group>
                </Group>
                {warning && <StageFitAlert warning={warning} labels={labels} />}
              </Paper>
            );
          })}
        </Stack>
      )}
      {!readOnly && (
        <Stack gap="xs" mt="sm">
          <Select
            label={t('plans.checklist.addOther')}
            placeholder={t('plans.checklist.addOtherPlaceholder')}
            data={groups.map(({ group, items: options }) => ({ group, items: options }))}
            value={picked}
            onChange={addAction}
            searchable
            clearable
            nothingFoundMessage={t('plans.checklist.empty')}
            comboboxProps={{ withinPortal: true }}
            data-testid="checklist-add-action"
          />
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('plans.checklist.custom')}
              value={custom}
              onChange={(e) => setCustom(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  addCustom();
                }
              }}
              maxLength={1000}
              style={{ flex: 1 }}
              data-testid="checklist-custom"
            />
            <Button
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={addCustom}
              disabled={!custom.trim()}
              data-testid="checklist-add-custom"
            >
              {t('plans.checklist.addCustom')}
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}
