import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StageFitWarning } from '@shared/contract';
import { actionText } from '@shared/domain/sales-actions';
import type { useLabels } from '../pipeline/useFacets';

type Labels = ReturnType<typeof useLabels>;

/**
 * A planned action from another stage than the deal's, said plainly: which stage it
 * belongs to, whether that is ahead of or behind the customer, and what the deal's stage
 * calls for instead. Mantine's Alert is role="alert", so it is announced as it appears.
 */
export function StageFitAlert({ warning, labels }: { warning: StageFitWarning; labels: Labels }) {
  const { t, i18n } = useTranslation();
  const dealStage = labels.stage(warning.dealStage);
  return (
    <Alert
      mt={6}
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('plans.checklist.fitTitle', { stage: labels.stage(warning.actionStage) })}
      data-testid="stage-fit-warning"
      data-direction={warning.direction}
      data-action-stage={warning.actionStage}
    >
      <Text size="sm">
        {t(warning.direction === 'later' ? 'plans.checklist.fitLater' : 'plans.checklist.fitEarlier', {
          action: warning.text,
          actionStage: labels.stage(warning.actionStage),
          dealStage,
        })}
      </Text>
      <Text size="sm" mt={4}>
        {warning.calledFor.length
          ? t('plans.checklist.calledFor', {
              dealStage,
              actions: warning.calledFor
                .map((a) => actionText(a, i18n.language))
                .join(i18n.language.startsWith('zh') ? '、' : ', '),
            })
          : t('plans.checklist.calledForNone', { dealStage })}
      </Text>
    </Alert>
  );
}
