import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDraft, PreCallPlan } from '@shared/contract';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { BuyingCentre } from './BuyingCentre';
import { Checklist } from './Checklist';
import { formFromDraft, formFromPlan, formIssues, saveInput, type PlanForm } from './plan-form';
import { AttendeesField, ObjectionsField, QuestionsField } from './PlanFields';
import classes from './Plans.module.css';
import { planLang, usePlan, usePlanDraft, usePlaybooks, usePlanWrite } from './usePlans';

export interface PlanEditorTarget {
  dealId: string;
  dealName: string;
  account: string;
  /** null: a new plan. */
  planId: number | null;
}

/**
 * The pre-call plan (访前拜访表) in a full-height dialog over the deal drawer: the visit on
 * the left (date, attendees, objective and the commitment sought, the gap, questions,
 * objections, materials, risks), the checklist with its stage-fit warnings and the buying
 * centre on the right. A new plan starts from `plans.draft` (the stage's standard actions
 * and the coverage gaps). Ctrl+S saves the draft, Ctrl+Enter submits it for sign-off.
 */
export function PlanEditor({ target, onClose }: { target: PlanEditorTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal.Root
      opened={target !== null}
      onClose={onClose}
      size="min(1400px, 96vw)"
      yOffset="2dvh"
      // The page never scrolls (see DealDrawer): no scroll lock, whose <style> lacks the CSP nonce.
      lockScroll={false}
      closeOnEscape={false}
    >
      <Modal.Overlay />
      <Modal.Content data-testid="plan-editor" mih="96dvh">
        <Modal.Header role="presentation">
          <Modal.Title fw={700}>
            {target?.planId ? t('plans.editor.titleEdit') : t('plans.editor.titleNew')}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('plans.editor.close')} />
        </Modal.Header>
        <Modal.Body>
          {target && (
            <EditorLoader key={`${target.dealId}:${target.planId}`} target={target} onClose={onClose} />
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

function EditorLoader({ target, onClose }: { target: PlanEditorTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = planLang(i18n.language);
  const draft = usePlanDraft(target.planId === null ? target.dealId : null, lang);
  const plan = usePlan(target.planId, lang);
  const playbooks = usePlaybooks();
  const source = target.planId === null ? draft : plan;
  const error = source.error ?? playbooks.error;
  if (error)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        {t('plans.editor.loadError', { message: errorText(error, i18n.language) })}
      </Alert>
    );
  if (!source.data || !playbooks.data)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" role="status">
          {t('plans.editor.loading')}
        </Text>
      </Group>
    );
  return (
    <EditorForm
      target={target}
      draft={target.planId === null ? (source.data as PlanDraft) : null}
      plan={target.planId === null ? null : (source.data as PreCallPlan)}
      onClose={onClose}
    />
  );
}

function EditorForm({
  target,
  draft,
  plan,
  onClose,
}: {
  target: PlanEditorTarget;
  draft: PlanDraft | null;
  plan: PreCallPlan | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const facets = useFacets();
  const labels = useLabels(facets.data);
  const playbooks = usePlaybooks();
  const [form, setForm] = useState<PlanForm>(() => (plan ? formFromPlan(plan) : formFromDraft(draft!)));
  const [planId, setPlanId] = useState<number | null>(plan?.id ?? null);
  const [attempted, setAttempted] = useState(false);
  const save = usePlanWrite('plans.save');
  const submit = usePlanWrite('plans.submit');
  const dealStage = plan?.dealStage ?? plan?.planStage ?? draft!.dealStage;
  const issues = formIssues(form);
  const locked = plan?.outcome != null;
  const busy = save.isPending || submit.isPending;
  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => {
    save.reset();
    submit.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const invalid = (field: (typeof issues)[number]) =>
    attempted && issues.includes(field)
      ? field === 'visitDate'
        ? t('plans.editor.invalidDate')
        : t('plans.editor.required')
      : undefined;

  const persist = async (): Promise<number | null> => {
    setAttempted(true);
    if (issues.length || busy || locked) return null;
    const saved = await save.mutateAsync(saveInput(form, target.dealId, planId));
    setPlanId(saved.id);
    return saved.id;
  };
  const saveDraft = async () => {
    try {
      if ((await persist()) !== null) notify({ message: t('plans.editor.saved'), color: 'green' });
    } catch {
      // Shown under the form (save.error).
    }
  };
  const saveAndSubmit = async () => {
    try {
      const id = await persist();
      if (id === null) return;
      await submit.mutateAsync({ planId: id, by: form.preparedBy.trim() });
      notify({ message: t('plans.editor.submitted'), color: 'green' });
      onClose();
    } catch {
      // Shown under the form (save.error / submit.error).
    }
  };
  const failure = save.error ?? submit.error;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void saveDraft();
      }}
      onKeyDown={(e) => {
        const chord = (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing;
        if (chord && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void saveDraft();
        } else if (chord && e.key === 'Enter') {
          e.preventDefault();
          void saveAndSubmit();
        }
      }}
      aria-keyshortcuts="Control+S Control+Enter"
    >
      <Text size="sm" c="dimmed" mb="sm" data-testid="plan-editor-deal">
        {t('plans.editor.subtitle', {
          deal: target.dealName,
          account: target.account,
          stage: labels.stage(dealStage),
        })}
      </Text>
      {plan?.status === 'returned' && plan.reviewComment && (
        <Alert color="red" variant="light" icon={<IconInfoCircle aria-hidden />} mb="sm">
          {t('plans.editor.returnedBy', { reviewer: plan.reviewer ?? '', comment: plan.reviewComment })}
        </Alert>
      )}
      {plan && (plan.status === 'submitted' || plan.status === 'approved') && !locked && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} mb="sm">
          {t('plans.editor.reopens', { status: t(`plans.status.${plan.status}`) })}
        </Alert>
      )}
      {locked && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} mb="sm">
          {t('plans.editor.readOnly')}
        </Alert>
      )}
      <div className={classes.editorGrid}>
        <Stack gap="md">
          <h3 className={classes.heading}>{t('plans.editor.visit')}</h3>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('plans.editor.visitDate')}
              value={form.visitDate}
              onChange={(e) => set('visitDate', e.currentTarget.value)}
              error={invalid('visitDate')}
              required
              disabled={locked}
              data-testid="plan-visit-date"
            />
            <TextInput
              label={t('plans.editor.preparedBy')}
              value={form.preparedBy}
              onChange={(e) => set('preparedBy', e.currentTarget.value)}
              error={invalid('preparedBy')}
              maxLength={200}
              required
              disabled={locked}
              data-testid="plan-prepared-by"
            />
          </Group>
          <AttendeesField
            side="ours"
            attendees={form.attendees}
            onChange={(v) => set('attendees', v)}
            disabled={locked}
          />
          <AttendeesField
            side="theirs"
            attendees={form.attendees}
            onChange={(v) => set('attendees', v)}
            disabled={locked}
          />
          <h3 className={classes.heading}>{t('plans.editor.purpose')}</h3>
          <Textarea
            label={t('plans.editor.objective')}
            description={t('plans.editor.objectiveHint')}
            value={form.objective}
            onChange={(e) => set('objective', e.currentTarget.value)}
            error={invalid('objective')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            required
            disabled={locked}
            data-autofocus
            data-testid="plan-objective"
          />
          <Textarea
            label={t('plans.editor.commitment')}
            description={t('plans.editor.commitmentHint')}
            value={form.commitment}
            onChange={(e) => set('commitment', e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            disabled={locked}
            data-testid="plan-commitment"
          />
          <Textarea
            label={t('plans.editor.situation')}
            description={t('plans.editor.situationHint')}
            value={form.situation}
            onChange={(e) => set('situation', e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={5000}
            disabled={locked}
            data-testid="plan-situation"
          />
          <QuestionsField
            questions={form.questions}
            onChange={(v) => set('questions', v)}
            disabled={locked}
          />
          <ObjectionsField
            objections={form.objections}
            onChange={(v) => set('objections', v)}
            disabled={locked}
          />
          <Textarea
            label={t('plans.editor.materials')}
            value={form.materials}
            onChange={(e) => set('materials', e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            disabled={locked}
            data-testid="plan-materials"
          />
          <Textarea
            label={t('plans.editor.risks')}
            value={form.risks}
            onChange={(e) => set('risks', e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            disabled={locked}
            data-testid="plan-risks"
          />
        </Stack>
        <Stack gap="xl">
          <Checklist
            items={form.items}
            onChange={(v) => set('items', v)}
            dealStage={dealStage}
            stages={facets.data?.stages ?? []}
            playbooks={playbooks.data ?? []}
            labels={labels}
            readOnly={locked}
          />
          <BuyingCentre dealId={target.dealId} dealName={target.dealName} />
        </Stack>
      </div>
      <div className={classes.footer}>
        <div className="funnel-status-slot" aria-live="polite">
          {attempted && issues.length > 0 ? (
            <Text size="sm" className="funnel-error-text" mb="xs" data-testid="plan-invalid">
              {t('plans.editor.invalid')}
            </Text>
          ) : failure ? (
            <Text size="sm" className="funnel-error-text" mb="xs" role="alert" data-testid="plan-save-error">
              {t('plans.editor.saveError', { message: errorText(failure, i18n.language) })}
            </Text>
          ) : null}
        </div>
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('plans.editor.shortcut')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={onClose}>
              {t('plans.editor.cancel')}
            </Button>
            <Button
              type="submit"
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={save.isPending && !submit.isPending}
              disabled={locked}
              aria-keyshortcuts="Control+S"
              data-testid="plan-save"
            >
              {t('plans.editor.saveDraft')}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => void saveAndSubmit()}
              loading={submit.isPending}
              disabled={locked}
              aria-keyshortcuts="Control+Enter"
              data-testid="plan-submit"
            >
              {t('plans.editor.submit')}
            </Button>
          </Group>
        </Group>
      </div>
    </form>
  );
}
