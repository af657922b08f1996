import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { navigate, routeHref } from '../shell/route';
import { BuyingCentre } from './BuyingCentre';
import { PlanEditor, type PlanEditorTarget } from './PlanEditor';
import { PlanStatusBadge, useOutcomeText } from './PlanStatusBadge';
import classes from './Plans.module.css';
import { useDealPlans } from './usePlans';

/**
 * The deal drawer's pre-call plans (访前拜访表): the deal's plans, next visit first, each
 * with its status and outcome; "New plan" opens the plan editor; and the buying centre
 * (power map, contacts, coverage gaps), which the plans build on.
 */
export function DealPlans({ deal }: { deal: DealDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const outcomeText = useOutcomeText();
  const headingId = useId();
  const plans = useDealPlans(deal.id);
  const [editing, setEditing] = useState<PlanEditorTarget | null>(null);
  const edit = (planId: number | null) =>
    setEditing({ dealId: deal.id, dealName: deal.name, account: deal.account, planId });

  return (
    <Stack gap="lg">
      <section aria-labelledby={headingId} data-testid="deal-plans">
        <Group justify="space-between" align="baseline" mb={4}>
          <h3 id={headingId} className={classes.heading}>
            {t('plans.drawer.title')}
          </h3>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => edit(null)}
            disabled={!!deal.deletedAt}
            data-testid="plan-new"
          >
            {t('plans.drawer.new')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          {t('plans.drawer.hint')}
        </Text>
        {plans.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('plans.drawer.loadError', { message: errorText(plans.error, i18n.language) })}
          </Alert>
        )}
        {plans.data &&
          (plans.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="deal-plans-empty">
              {t('plans.drawer.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" className="funnel-plain-list">
              {plans.data.map((p) => {
                const date = format.day(p.visitDate);
                return (
                  <Paper
                    component="li"
                    withBorder
                    p="sm"
                    key={p.id}
                    data-testid="deal-plan"
                    data-plan-id={p.id}
                  >
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={4} miw={0}>
                        <Group gap="xs">
                          <Text size="sm" fw={600}>
                            {t('plans.drawer.visit', { date })}
                          </Text>
                          <PlanStatusBadge status={p.status} />
                          {p.warnings > 0 && (
                            <Text size="xs" className={classes.warnText}>
                              <IconAlertTriangle size={12} aria-hidden />{' '}
                              {t('plans.checklist.warnings', { count: p.warnings })}
                            </Text>
                          )}
                        </Group>
                        <Text size="sm" lineClamp={2}>
                          {p.objective}
                        </Text>
                        {p.outcome && (
                          <Text size="xs" c="dimmed" data-testid="deal-plan-outcome">
                            {t('plans.outcome.title')}: {outcomeText(p.outcome)}
                            {p.outcome.nextStep ? ` · ${p.outcome.nextStep}` : ''}
                          </Text>
                        )}
                        {p.status === 'returned' && p.reviewComment && (
                          <Text size="xs" className="funnel-error-text">
                            {t('plans.editor.returnedBy', {
                              reviewer: p.reviewer ?? '',
                              comment: p.reviewComment,
                            })}
                          </Text>
                        )}
                      </Stack>
                      <Group gap={2} wrap="nowrap">
                        {!p.outcome && (
                          <Tooltip label={t('plans.drawer.edit', { date })}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('plans.drawer.edit', { date })}
                              onClick={() => edit(p.id)}
                              data-testid="deal-plan-edit"
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        <Tooltip label={t('plans.drawer.view', { date })}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('plans.drawer.view', { date })}
                            onClick={() => navigate(routeHref('plans', { id: String(p.id) }))}
                            data-testid="deal-plan-open"
                          >
                            <IconExternalLink size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          ))}
      </section>
      <BuyingCentre dealId={deal.id} dealName={deal.name} />
      <PlanEditor target={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
