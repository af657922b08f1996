import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOutcome, PreCallPlan, StagePlaybook } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import type { useLabels } from '../pipeline/useFacets';
import { useSignature } from './signature';
import { usePlanWrite } from './usePlans';
import { ink } from './ink';

type Labels = ReturnType<typeof useLabels>;

/**
 * The execution record (执行记录) beside the plan: what came of the visit. Recorded once
 * the plan is approved, by the rep or the manager; then shown as answered, each yes/no
 * in words with its icon.
 */
export function OutcomePanel({
  plan,
  playbook,
  labels,
}: {
  plan: PreCallPlan;
  playbook: StagePlaybook | undefined;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const stage = plan.dealStage ?? plan.planStage;
  return (
    <Paper withBorder p="md" data-testid="plan-execution">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('plans.review.execution')}
        </Title>
        {playbook?.exitCriteria && (
          <Text size="sm" c="dimmed">
            {t('plans.checklist.exitCriteria', {
              stage: labels.stage(stage),
              criteria: playbook.exitCriteria,
            })}
          </Text>
        )}
        {plan.outcome ? (
          <RecordedOutcome outcome={plan.outcome} />
        ) : plan.status === 'approved' ? (
          <OutcomeForm plan={plan} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('plans.review.noOutcome')} {t('plans.review.outcomeAfterApproval')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function YesNo({ label, value }: { label: string; value: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Text size="sm">{label}</Text>
      <Badge
        variant="light"
        color={value ? 'green' : 'red'}
        {...ink(value ? 'green' : 'red')}
        tt="none"
        leftSection={value ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
      >
        {value ? t('plans.outcome.yes') : t('plans.outcome.no')}
      </Badge>
    </Group>
  );
}

function RecordedOutcome({ outcome }: { outcome: PlanOutcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={6} data-testid="plan-outcome-recorded">
      <YesNo label={t('plans.outcome.objectiveMet')} value={outcome.objectiveMet} />
      <YesNo label={t('plans.outcome.commitmentObtained')} value={outcome.commitmentObtained} />
      <YesNo label={t('plans.outcome.exitCriteriaMet')} value={outcome.exitCriteriaMet} />
      <Text size="sm" fw={600} mt={4}>
        {t('plans.outcome.nextStep')}
      </Text>
      <Text size="sm">{outcome.nextStep || '—'}</Text>
      {outcome.notes && (
        <>
          <Text size="sm" fw={600}>
            {t('plans.outcome.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {outcome.notes}
          </Text>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('plans.outcome.recorded', {
          by: outcome.recordedBy,
          date: format.localDateTime(outcome.recordedAt),
        })}
      </Text>
    </Stack>
  );
}

function OutcomeForm({ plan }: { plan: PreCallPlan }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [signer, setSigner] = useSignature();
  const [objectiveMet, setObjectiveMet] = useState(false);
  const [commitmentObtained, setCommitmentObtained] = useState(false);
  const [exitCriteriaMet, setExitCriteriaMet] = useState(false);
  const [nextStep, setNextStep] = useState('');
  const [notes, setNotes] = useState('');
  const [attempted, setAttempted] = useState(false);
  const record = usePlanWrite('plans.outcome');
  const submit = () => {
    setAttempted(true);
    if (!signer.trim() || record.isPending) return;
    record.mutate(
      {
        planId: plan.id,
        objectiveMet,
        commitmentObtained,
        exitCriteriaMet,
        nextStep: nextStep.trim(),
        notes: notes.trim(),
        by: signer.trim(),
      },
      { onSuccess: () => notify({ message: t('plans.outcome.saved'), color: 'green' }) },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="outcome-form"
    >
      <Stack gap="sm">
        <Checkbox
          label={t('plans.outcome.objectiveMet')}
          checked={objectiveMet}
          onChange={(e) => setObjectiveMet(e.currentTarget.checked)}
          data-testid="outcome-objective"
        />
        <Checkbox
          label={t('plans.outcome.commitmentObtained')}
          description={plan.commitment || undefined}
          checked={commitmentObtained}
          onChange={(e) => setCommitmentObtained(e.currentTarget.checked)}
          data-testid="outcome-commitment"
        />
        <Checkbox
          label={t('plans.outcome.exitCriteriaMet')}
          checked={exitCriteriaMet}
          onChange={(e) => setExitCriteriaMet(e.currentTarget.checked)}
          data-testid="outcome-exit"
        />
        <Textarea
          label={t('plans.outcome.nextStep')}
          value={nextStep}
          onChange={(e) => setNextStep(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={2000}
          data-testid="outcome-next-step"
        />
        <Textarea
          label={t('plans.outcome.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          data-testid="outcome-notes"
        />
        <TextInput
          label={t('plans.outcome.by')}
          value={signer}
          onChange={(e) => setSigner(e.currentTarget.value)}
          error={attempted && !signer.trim() ? t('plans.editor.required') : undefined}
          maxLength={200}
          required
          data-testid="outcome-by"
        />
        {record.error && (
          <Text size="sm" className="funnel-error-text" role="alert">
            {t('plans.editor.saveError', { message: errorText(record.error, i18n.language) })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} data-testid="outcome-save">
            {t('plans.outcome.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
