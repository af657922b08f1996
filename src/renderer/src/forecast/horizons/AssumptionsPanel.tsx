import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconPlayerPlay, IconRestore, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assumption } from '@shared/contract';
import { errorText } from '../../api/errors';
import { Panel } from '../../analytics/ViewFrame';
import { useNotify } from '../../notices/NoticesProvider';
import { assumptionId } from './assumption-edit';
import { useAssumptionText } from './assumption-text';
import { AssumptionRow, useAssumptionName } from './AssumptionRow';
import { useScopeName } from './scope-name';
import type { useAssumptionEdits } from './useAssumptionEdits';
import classes from './Horizons.module.css';
import { useSavedAssumptions, type AssumptionScope } from './useHorizons';

/**
 * The assumptions behind the horizon, each with its value, how the history gave it and
 * what it fell back to, editable in place: Apply (or Enter in a field) recomputes with the
 * edits for now, Save keeps them for exactly this scope, Reset to history removes what the
 * scope has saved after a confirmation that starts on Cancel.
 */
export function AssumptionsPanel({
  assumptions,
  edits,
  scope,
}: {
  assumptions: readonly Assumption[];
  edits: ReturnType<typeof useAssumptionEdits>;
  scope: AssumptionScope;
}) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const scopeName = useScopeName()(scope);
  const nameOf = useAssumptionName();
  const text = useAssumptionText();
  const saved = useSavedAssumptions(scope).data;
  const savedCount = saved
    ? Object.entries(saved.values).reduce(
        (n, [k, v]) => n + (k === 'stageWinRate' ? Object.keys(v as object).length : 1),
        0,
      )
    : 0;
  const [confirming, setConfirming] = useState(false);
  const [triedInvalid, setTriedInvalid] = useState(false);
  const failed = (key: 'saveError' | 'resetError') => (e: unknown) =>
    notify({
      message: t(`horizons.assumptions.${key}`, { message: errorText(e, i18n.language) }),
      color: 'red',
      autoClose: 0,
    });

  const onApply = async (event?: FormEvent) => {
    event?.preventDefault();
    setTriedInvalid(edits.invalid);
    await edits.apply();
  };
  const onSave = () => {
    if (edits.invalid) return setTriedInvalid(true);
    edits.save().then(
      ({ count }) =>
        notify({
          message: t('horizons.assumptions.savedNotice', { count, scope: scopeName }),
          color: 'green',
        }),
      failed('saveError'),
    );
  };
  const onBackToHistory = (a: Assumption) =>
    edits.restoreHistory(a).then(
      () =>
        a.saved !== null &&
        notify({
          message: t('horizons.assumptions.backToHistory', {
            name: nameOf(a),
            value: text(a.unit, a.derived),
          }),
          color: 'green',
        }),
      failed('saveError'),
    );
  const onReset = () =>
    edits.reset().then(() => {
      setConfirming(false);
      notify({ message: t('horizons.assumptions.resetNotice', { scope: scopeName }), color: 'green' });
    }, failed('resetError'));

  const status = edits.pending
    ? t('horizons.assumptions.pending', { count: Math.max(1, edits.unapplied.size) })
    : edits.appliedCount > 0
      ? t('horizons.assumptions.applied', { count: edits.appliedCount })
      : savedCount > 0
        ? t('horizons.assumptions.savedCount', { count: savedCount, scope: scopeName })
        : t('horizons.assumptions.noEdits');

  return (
    <Panel title={t('horizons.assumptions.title')} testId="horizon-assumptions">
      <Text size="sm" mb="sm">
        {t('horizons.assumptions.intro', { scope: scopeName })}
      </Text>
      <form onSubmit={onApply} noValidate className={classes.readableErrors}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('horizons.assumptions.label')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="22%">
                  {t('horizons.assumptions.name')}
                </Table.Th>
                <Table.Th scope="col" w={250}>
                  {t('horizons.assumptions.value')}
                </Table.Th>
                <Table.Th scope="col">{t('horizons.assumptions.how')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assumptions.map((a) => {
                const id = assumptionId(a);
                const draft = edits.drafts[id];
                return (
                  <AssumptionRow
                    key={id}
                    assumption={a}
                    field={draft?.field}
                    edited={edits.unapplied.has(id)}
                    error={edits.errors[id]}
                    onChange={(field) => edits.setField(a, field)}
                    onBackToHistory={() => void onBackToHistory(a)}
                    busy={edits.busy}
                  />
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {triedInvalid && edits.invalid && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" mt="sm">
            {t('horizons.assumptions.invalid')}
          </Alert>
        )}
        {edits.applyError !== null && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            mt="sm"
            data-testid="horizon-apply-error"
          >
            {t('horizons.assumptions.applyError', { message: errorText(edits.applyError, i18n.language) })}
          </Alert>
        )}
        <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
          <Text size="sm" aria-live="polite" data-testid="horizon-assumptions-status">
            {status}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={edits.discard}
              disabled={edits.busy || (!edits.pending && edits.appliedCount === 0)}
              data-testid="horizon-discard"
            >
              {t('horizons.assumptions.discard')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              loading={edits.applying}
              disabled={edits.busy || !edits.pending}
              title={t('horizons.assumptions.applyHint')}
              data-testid="horizon-apply"
            >
              {t('horizons.assumptions.apply')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              onClick={onSave}
              loading={edits.saving}
              disabled={edits.busy || edits.draftCount === 0}
              data-testid="horizon-save"
            >
              {t('horizons.assumptions.save')}
            </Button>
            <Button
              variant="outline"
              color="red"
              leftSection={<IconRestore size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
              disabled={edits.busy || savedCount === 0}
              data-testid="horizon-reset"
            >
              {t('horizons.assumptions.reset')}
            </Button>
          </Group>
        </Group>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('horizons.assumptions.resetTitle')}
        closeButtonProps={{ 'aria-label': t('horizons.assumptions.cancel') }}
        // Scroll locking injects a <style> element the page's CSP refuses (no nonce on it).
        lockScroll={false}
        data-testid="horizon-reset-confirm"
      >
        <Text size="sm">{t('horizons.assumptions.resetBody', { count: savedCount, scope: scopeName })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {t('horizons.assumptions.cancel')}
          </Button>
          <Button
            color="red"
            onClick={onReset}
            loading={edits.resetting}
            data-testid="horizon-reset-confirm-button"
          >
            {t('horizons.assumptions.resetConfirm')}
          </Button>
        </Group>
      </Modal>
    </Panel>
  );
}
