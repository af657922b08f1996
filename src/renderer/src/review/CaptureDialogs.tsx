import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, DecisionKind, Meeting } from '@shared/contract';
import { useFacets, useLabels } from '../pipeline/useFacets';

export type CaptureDialog =
  { kind: 'record'; decision: DecisionKind } | { kind: 'agree' } | { kind: 'jump' } | { kind: 'end' };

/**
 * The presenter's dialogs, each opened by a key and closed by Esc: recording a decision,
 * next step or risk, agreeing values on the item, jumping to an item, ending the review.
 */
export function CaptureDialogs({
  dialog,
  onClose,
  meeting,
  item,
  slideCount,
  onRecord,
  onAgree,
  onJump,
  onEnd,
}: {
  dialog: CaptureDialog | null;
  onClose: () => void;
  meeting: Meeting;
  item: AgendaItem | null;
  slideCount: number;
  onRecord: (input: {
    kind: DecisionKind;
    text: string;
    assignee: string | null;
    dueDate: string | null;
  }) => void;
  onAgree: (input: { category: string | null; closeDate: string | null }) => void;
  onJump: (slide: number) => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  // While a closed dialog fades out it keeps its own title.
  const [last, setLast] = useState<CaptureDialog | null>(dialog);
  if (dialog !== null && dialog !== last) setLast(dialog);
  const shown = dialog ?? last;
  const title =
    shown?.kind === 'record'
      ? t(
          shown.decision === 'decision'
            ? 'review.presenter.decision'
            : shown.decision === 'next_step'
              ? 'review.presenter.nextStep'
              : 'review.presenter.risk',
        )
      : shown?.kind === 'agree'
        ? t('review.presenter.agree')
        : shown?.kind === 'jump'
          ? t('review.presenter.jump')
          : t('review.presenter.end');
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={title}
      size="lg"
      centered
      returnFocus
      lockScroll={false}
    >
      {dialog?.kind === 'record' && (
        <RecordForm
          key={`${dialog.decision}-${item?.id ?? 'meeting'}`}
          kind={dialog.decision}
          defaultAssignee={item?.owner ?? null}
          meeting={meeting}
          onCancel={onClose}
          onSave={(input) => {
            onRecord({ kind: dialog.decision, ...input });
            onClose();
          }}
        />
      )}
      {dialog?.kind === 'agree' && item && (
        <AgreeForm
          key={item.id ?? 0}
          item={item}
          categories={meeting.categories}
          onCancel={onClose}
          onSave={(input) => {
            onAgree(input);
            onClose();
          }}
        />
      )}
      {dialog?.kind === 'jump' && (
        <JumpForm
          total={slideCount}
          onCancel={onClose}
          onJump={(n) => {
            onJump(n);
            onClose();
          }}
        />
      )}
      {dialog?.kind === 'end' && (
        <Stack>
          <p>{t('review.presenter.endConfirm')}</p>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('review.presenter.cancel')}
            </Button>
            <Button
              color="red"
              data-autofocus
              onClick={() => {
                onEnd();
                onClose();
              }}
              data-testid="end-confirm"
            >
              {t('review.presenter.end')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function RecordForm({
  kind,
  defaultAssignee,
  meeting,
  onSave,
  onCancel,
}: {
  kind: DecisionKind;
  defaultAssignee: string | null;
  meeting: Meeting;
  onSave: (input: { text: string; assignee: string | null; dueDate: string | null }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const facets = useFacets().data;
  const owners = [
    ...new Set([
      ...(meeting.scope.reps.length
        ? meeting.scope.reps
        : (facets?.owners ?? [])
            .filter((o) => !meeting.scope.team || o.team === meeting.scope.team)
            .map((o) => o.name)),
    ]),
  ];
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState<string | null>(kind === 'next_step' ? defaultAssignee : null);
  const [due, setDue] = useState('');
  const label =
    kind === 'decision'
      ? t('review.presenter.text')
      : kind === 'next_step'
        ? t('review.presenter.nextStepText')
        : t('review.presenter.riskText');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSave({ text: text.trim(), assignee, dueDate: due || null });
      }}
      onKeyDown={(e) => {
        // Ctrl+Enter saves from anywhere in the form, the text field included.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <Stack>
        <Textarea
          label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
          required
          data-testid="record-text"
        />
        {kind === 'next_step' && (
          <Group grow>
            <Select
              label={t('review.presenter.assignee')}
              data={owners}
              value={assignee}
              onChange={setAssignee}
              searchable
              clearable
              data-testid="record-assignee"
            />
            <TextInput
              type="date"
              label={t('review.presenter.due')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              data-testid="record-due"
            />
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('review.presenter.cancel')}
          </Button>
          <Button type="submit" data-testid="record-save">
            {t('review.presenter.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AgreeForm({
  item,
  categories,
  onSave,
  onCancel,
}: {
  item: AgendaItem;
  categories: string[];
  onSave: (input: { category: string | null; closeDate: string | null }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels(useFacets().data);
  const card = item.card?.kind === 'deal' ? item.card : null;
  const [category, setCategory] = useState<string | null>(
    item.agreedCategory ?? card?.forecastCategory ?? null,
  );
  const [closeDate, setCloseDate] = useState(item.agreedCloseDate ?? card?.closeDate ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ category, closeDate: closeDate || null });
      }}
    >
      <Stack>
        <Select
          label={t('review.presenter.category')}
          data={categories.map((c) => ({ value: c, label: labels.forecast(c) }))}
          value={category}
          onChange={setCategory}
          data-autofocus
          data-testid="agree-category"
        />
        <TextInput
          type="date"
          label={t('review.presenter.closeDate')}
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
          data-testid="agree-close"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('review.presenter.cancel')}
          </Button>
          <Button type="submit" data-testid="agree-save">
            {t('review.presenter.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function JumpForm({
  total,
  onJump,
  onCancel,
}: {
  total: number;
  onJump: (n: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [n, setN] = useState<number | string>('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const v = Number(n);
        if (Number.isInteger(v) && v >= 1 && v <= total) onJump(v - 1);
      }}
    >
      <Stack>
        <NumberInput
          label={t('review.presenter.jumpLabel', { total })}
          min={1}
          max={total}
          value={n}
          onChange={setN}
          data-autofocus
          data-testid="jump-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('review.presenter.cancel')}
          </Button>
          <Button type="submit">{t('review.presenter.go')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
