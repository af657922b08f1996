import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreCallPlan } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { navigate, routeHref } from '../shell/route';
import { BuyingCentre } from './BuyingCentre';
import { OutcomePanel } from './OutcomePanel';
import { PlanEditor, type PlanEditorTarget } from './PlanEditor';
import { PlanExport } from './PlanExport';
import { PlanSheet } from './PlanSheet';
import { PlanStatusBadge } from './PlanStatusBadge';
import classes from './Plans.module.css';
import { SignOff } from './SignOff';
import { planLang, usePlan, usePlaybooks, usePlanWrite } from './usePlans';

/**
 * One plan beside its execution record (执行记录): the plan on the left; on the right the
 * sign-off while it waits, the manager's decision once made, the visit's outcome and the
 * plan's history. Edit, submit, export, print and delete (after a confirmation) from the top.
 */
export function PlanReview({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(id, planLang(i18n.language));
  return (
    <Stack gap="md" className="funnel-screen" data-testid="plan-review">
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={() => navigate(routeHref('plans'))}
          data-testid="plan-back"
        >
          {t('plans.review.back')}
        </Button>
      </Group>
      {plan.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('plans.review.loadError', { message: errorText(plan.error, i18n.language) })}
        </Alert>
      )}
      {plan.data && <PlanBody plan={plan.data} />}
    </Stack>
  );
}

function PlanBody({ plan }: { plan: PreCallPlan }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const labels = useLabels(useFacets().data);
  const playbooks = usePlaybooks();
  const check = usePlanWrite('plans.check');
  const submit = usePlanWrite('plans.submit');
  const remove = usePlanWrite('plans.delete');
  const [editing, setEditing] = useState<PlanEditorTarget | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const stage = plan.dealStage ?? plan.planStage;
  const playbook = playbooks.data?.find((p) => p.stageKey === stage);
  const date = format.day(plan.visitDate);

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('plans.doc.title', { deal: plan.dealName })}
          </Title>
          <Group gap="xs">
            <PlanStatusBadge status={plan.status} size="md" />
            <Text size="sm" c="dimmed">
              {t('plans.drawer.visit', { date })} · {labels.stage(stage)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {!plan.outcome && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() =>
                setEditing({
                  dealId: plan.dealId,
                  dealName: plan.dealName,
                  account: plan.account,
                  planId: plan.id,
                })
              }
              data-testid="plan-edit"
            >
              {t('plans.review.edit')}
            </Button>
          )}
          {(plan.status === 'draft' || plan.status === 'returned') && (
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(
                  { planId: plan.id, by: plan.preparedBy },
                  {
                    onSuccess: () => notify({ message: t('plans.editor.submitted'), color: 'green' }),
                    onError: (e) => notify({ message: errorText(e, i18n.language), color: 'red' }),
                  },
                )
              }
              data-testid="plan-submit-now"
            >
              {t('plans.review.submit')}
            </Button>
          )}
          <PlanExport planId={plan.id} />
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirmDelete(true)}
            data-testid="plan-delete"
          >
            {t('plans.review.delete')}
          </Button>
        </Group>
      </Group>

      <div className={classes.sideBySide}>
        <Stack gap="lg">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('plans.review.plan')}
            </Title>
            <PlanSheet
              plan={plan}
              labels={labels}
              onCheck={(itemId, done) => check.mutate({ planId: plan.id, itemId, done })}
            />
          </Paper>
          <Paper withBorder p="md">
            <BuyingCentre dealId={plan.dealId} dealName={plan.dealName} heading="h2" />
          </Paper>
        </Stack>
        <Stack gap="lg">
          {plan.status === 'submitted' && <SignOff plan={plan} />}
          {plan.reviewer && plan.status !== 'submitted' && (
            <Paper withBorder p="md" data-testid="plan-decision">
              <Text size="sm" fw={600}>
                {t('plans.review.reviewedBy', { reviewer: plan.reviewer })}
              </Text>
              {plan.reviewComment && (
                <Text size="sm" className={classes.prose} mt={4}>
                  {plan.reviewComment}
                </Text>
              )}
            </Paper>
          )}
          <OutcomePanel plan={plan} playbook={playbook} labels={labels} />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('plans.review.history')}
            </Title>
            <Stack component="ol" gap={4} className="funnel-plain-list" data-testid="plan-history">
              {plan.events.map((e, i) => (
                <li key={i}>
                  <Text size="sm">
                    {t('plans.review.eventLine', {
                      action: t(`plans.review.events.${e.action}`),
                      by: e.by,
                      date: format.localDateTime(e.at),
                    })}
                  </Text>
                  {e.comment && (
                    <Text size="xs" c="dimmed" className={classes.prose}>
                      {e.comment}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          </Paper>
        </Stack>
      </div>

      <PlanEditor target={editing} onClose={() => setEditing(null)} />
      <Modal.Root opened={confirmDelete} onClose={() => setConfirmDelete(false)} size="md" lockScroll={false}>
        <Modal.Overlay />
        <Modal.Content data-testid="plan-delete-confirm">
          <Modal.Header role="presentation">
            <Modal.Title>{t('plans.review.deleteTitle')}</Modal.Title>
            <Modal.CloseButton aria-label={t('plans.review.deleteCancel')} />
          </Modal.Header>
          <Modal.Body>
            <Text size="sm">{t('plans.review.deleteBody', { date, deal: plan.dealName })}</Text>
            {remove.error && (
              <Text size="sm" className="funnel-error-text" role="alert" mt="xs">
                {errorText(remove.error, i18n.language)}
              </Text>
            )}
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setConfirmDelete(false)} data-autofocus>
                {t('plans.review.deleteCancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { planId: plan.id },
                    {
                      onSuccess: () => {
                        notify({
                          message: t('plans.review.deleted', { deal: plan.dealName, date }),
                          color: 'green',
                        });
                        navigate(routeHref('plans'));
                      },
                    },
                  )
                }
                data-testid="plan-delete-yes"
              >
                {t('plans.review.deleteConfirm')}
              </Button>
            </Group>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
