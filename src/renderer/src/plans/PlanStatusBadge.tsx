import { Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockHour4,
  IconCornerUpLeft,
  IconPencil,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealPlanState, PlanOutcome, PlanStatus } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { ink } from './ink';

/** Each status has its own icon as well as its colour, so the badge reads without colour. */
const LOOK: Record<PlanStatus | 'none', { color: string; icon: Icon }> = {
  none: { color: 'gray', icon: IconCircleDashed },
  draft: { color: 'gray', icon: IconPencil },
  submitted: { color: 'orange', icon: IconClockHour4 },
  approved: { color: 'green', icon: IconCircleCheck },
  returned: { color: 'red', icon: IconCornerUpLeft },
};

export function PlanStatusBadge({
  status,
  size = 'sm',
}: {
  status: PlanStatus | 'none';
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const { color, icon: StatusIcon } = LOOK[status];
  return (
    <Badge
      variant={status === 'none' ? 'outline' : 'light'}
      color={color}
      tt="none"
      size={size}
      leftSection={<StatusIcon size={12} aria-hidden />}
      {...ink(color)}
      data-status={status}
      data-testid="plan-status"
    >
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

/** The outcome in words: whether the objective was met (and the commitment obtained). */
export function useOutcomeText() {
  const { t } = useTranslation();
  return (outcome: PlanOutcome) =>
    [
      outcome.objectiveMet ? t('plans.outcomeMet') : t('plans.outcomeMissed'),
      outcome.commitmentObtained ? t('plans.outcome.commitmentObtained') : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

/**
 * The pipeline table's compact plan cell: the status badge of the next (else the latest)
 * visit and a tick or cross for the last recorded outcome; the whole state in the title.
 */
export function PlanStateCell({ state }: { state: DealPlanState | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const outcomeText = useOutcomeText();
  // No plan is the common case: a quiet dash (named for screen readers), not a badge per row.
  if (!state)
    return (
      <span data-testid="plan-state" data-status="none">
        <Text span size="sm" c="dimmed" aria-hidden>
          —
        </Text>
        <VisuallyHidden>{t('plans.status.none')}</VisuallyHidden>
      </span>
    );
  const label = [
    t('plans.stateLabel', { status: t(`plans.status.${state.status}`), date: format.day(state.visitDate) }),
    state.lastOutcome ? t('plans.stateOutcome', { outcome: outcomeText(state.lastOutcome) }) : null,
  ]
    .filter(Boolean)
    .join('; ');
  const Outcome = state.lastOutcome?.objectiveMet ? IconCircleCheck : IconCircleX;
  return (
    <Tooltip label={label} withinPortal>
      <Group gap={4} wrap="nowrap" aria-label={label} role="group" data-testid="plan-state">
        <PlanStatusBadge status={state.status} size="xs" />
        {state.lastOutcome && (
          <Outcome
            size={16}
            aria-hidden
            color={
              state.lastOutcome.objectiveMet
                ? 'var(--mantine-color-green-text)'
                : 'var(--mantine-color-red-text)'
            }
            data-testid="plan-outcome"
          />
        )}
      </Group>
    </Tooltip>
  );
}
