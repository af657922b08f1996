import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconDeviceFloppy,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotScope } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { Panel, ReportState } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { useFacets } from '../pipeline/useFacets';
import {
  addError,
  amountError,
  changesOf,
  draftRows,
  draftValid,
  NO_EDITS,
  pendingCount,
  scopeKey,
  type AmountText,
  type DraftRow,
  type QuotaChange,
  type QuotaEdits,
  type QuotaScope,
} from './quota-draft';
import { useQuotas, useSaveQuotas } from './useForecast';

const ORG = '';
const TEAM_ROW = '';

/** "Whole organisation", "East (team)" or "Li Wei · East": one quota's scope in words. */
function useScopeName() {
  const { t } = useTranslation();
  return (s: QuotaScope) =>
    s.owner === ''
      ? s.team === ''
        ? t('forecastView.quotas.organisation')
        : t('forecastView.quotas.teamRow', { team: s.team })
      : s.team === ''
        ? t('forecastView.quotas.repAnyTeam', { owner: s.owner })
        : t('forecastView.quotas.repRow', { owner: s.owner, team: s.team });
}

/**
 * The quota editor for one quarter: every quota row (organisation, teams, reps within a
 * team), amounts edited in place, rows added and removed, all saved together as one batch
 * (written whole or not at all). A removal stays on screen with an Undo until saved, and a
 * saved batch can be undone from its notice. Errors are said at the field they concern.
 * The view's own scope is marked, and offered first when it has no quota.
 */
export function QuotasTab({ quarter, scope }: { quarter: string; scope: SnapshotScope }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const scopeName = useScopeName();
  const quotas = useQuotas(quarter);
  const save = useSaveQuotas();
  const api = useApi();
  const queryClient = useQueryClient();
  const facets = useFacets().data;
  const [edits, setEdits] = useState<QuotaEdits>(NO_EDITS);
  const [tried, setTried] = useState(false);
  const rows = useMemo(() => draftRows(quotas.data ?? [], edits), [quotas.data, edits]);
  const changes = changesOf(rows, quarter);
  const pending = pendingCount(rows);
  const viewScope = { team: scope.team ?? '', owner: scope.owner ?? '' };
  const viewKey = scopeKey(viewScope);
  // With a team chosen, its rows and the organisation's (and anything added here); all otherwise.
  const shown = scope.team
    ? rows.filter((r) => r.team === scope.team || (r.team === '' && r.owner === '') || r.stored === null)
    : rows;

  const setAmount = (key: string, amount: AmountText) =>
    setEdits((e) => ({ ...e, amounts: { ...e.amounts, [key]: amount } }));
  const remove = (row: DraftRow) =>
    setEdits((e) =>
      row.stored === null
        ? { ...e, added: e.added.filter((a) => scopeKey(a) !== row.key) }
        : { ...e, removed: [...e.removed, row.key] },
    );
  const undoRemove = (key: string) =>
    setEdits((e) => ({ ...e, removed: e.removed.filter((k) => k !== key) }));

  // The notice outlives this tab (the quarter's figures may be open by then): its Undo
  // talks to the backend directly rather than through this tab's mutation.
  const undoSave = async (undo: QuotaChange[]) => {
    try {
      await api.invoke('quotas.save', { quotas: undo });
      notify({ message: t('forecastView.quotas.undone'), color: 'green' });
    } catch (e) {
      notify({
        message: t('forecastView.quotas.saveError', { message: errorText(e, i18n.language) }),
        color: 'red',
        autoClose: 0,
      });
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['quotas.list'] });
      await queryClient.invalidateQueries({ queryKey: ['report.forecast'] });
    }
  };

  const onSave = () => {
    setTried(true);
    if (!draftValid(rows) || changes.length === 0) return;
    const batch = changes;
    // What puts every row of the batch back as it was stored before (new rows removed again).
    const undo = batch.map((c) => ({ ...c, amount: rows.find((r) => r.key === scopeKey(c))!.stored }));
    save.mutate(batch, {
      onSuccess: (result) => {
        setEdits(NO_EDITS);
        setTried(false);
        notify({
          message: t('forecastView.quotas.saved', {
            quarter: format.quarter(quarter),
            saved: result.saved,
            removed: result.removed,
          }),
          color: 'green',
          autoClose: 10_000,
          action: { label: t('forecastView.quotas.undo'), onClick: () => void undoSave(undo) },
        });
      },
    });
  };

  const amountMessage = (amount: AmountText) => {
    const error = amountError(amount);
    return error ? t(`forecastView.quotas.errors.${error}`) : null;
  };

  return (
    <Panel title={t('forecastView.quotas.title', { quarter: format.quarter(quarter) })} testId="quota-editor">
      <Stack gap="md">
        <Text size="sm">{t('forecastView.quotas.intro')}</Text>
        <ReportState error={quotas.error} loading={quotas.isLoading} />
        {quotas.data && rows.length === 0 && (
          <Text data-testid="quotas-empty">
            {t('forecastView.quotas.empty', { quarter: format.quarter(quarter) })}
          </Text>
        )}
        {scope.team && rows.length > shown.length && (
          <Text size="sm" c="dimmed" data-testid="quotas-team-only">
            {t('forecastView.quotas.teamOnly', { team: scope.team, count: rows.length - shown.length })}
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table
              striped
              verticalSpacing="xs"
              aria-label={t('forecastView.quotas.title', { quarter: format.quarter(quarter) })}
              data-testid="quota-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('forecastView.quotas.scope')}</Table.Th>
                  <Table.Th scope="col" w={260}>
                    {t('forecastView.quotas.amount')}
                  </Table.Th>
                  <Table.Th scope="col" w={220}>
                    <VisuallyHidden>{t('forecastView.quotas.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => {
                  const name = scopeName(r);
                  const error = tried && !r.removed ? amountMessage(r.amount) : null;
                  return (
                    <Table.Tr
                      key={r.key}
                      data-testid="quota-row"
                      data-team={r.team}
                      data-owner={r.owner}
                      data-removed={r.removed || undefined}
                    >
                      <Table.Th scope="row" fw={r.owner === '' ? 700 : 400}>
                        <Group gap="xs">
                          <Text span td={r.removed ? 'line-through' : undefined} inherit>
                            {name}
                          </Text>
                          {r.key === viewKey && (
                            <Badge variant="outline" color="gray" size="sm">
                              {t('forecastView.quotas.thisScope')}
                            </Badge>
                          )}
                          {r.stored === null && (
                            <Badge variant="light" size="sm">
                              {t('forecastView.quotas.new')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Th>
                      <Table.Td>
                        {r.removed ? (
                          <Text size="sm" data-testid="quota-removed">
                            {t('forecastView.quotas.willRemove', {
                              amount: r.stored === null ? '' : format.money(r.stored),
                            })}
                          </Text>
                        ) : (
                          <NumberInput
                            aria-label={t('forecastView.quotas.amountOf', { scope: name })}
                            value={r.amount}
                            onChange={(v) =>
                              setAmount(r.key, typeof v === 'number' ? v : v === '' ? '' : Number(v))
                            }
                            min={0}
                            allowNegative={false}
                            decimalScale={2}
                            thousandSeparator=","
                            clampBehavior="none"
                            hideControls
                            error={error}
                            data-testid="quota-amount"
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.removed ? (
                          <Button
                            variant="light"
                            size="compact-sm"
                            leftSection={<IconArrowBackUp size={14} aria-hidden />}
                            onClick={() => undoRemove(r.key)}
                            aria-label={t('forecastView.quotas.undoRemoveOf', { scope: name })}
                            data-testid="quota-undo-remove"
                          >
                            {t('forecastView.quotas.undo')}
                          </Button>
                        ) : (
                          <Tooltip label={t('forecastView.quotas.removeOf', { scope: name })}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => remove(r)}
                              aria-label={t('forecastView.quotas.removeOf', { scope: name })}
                              data-testid="quota-remove"
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {quotas.data && (
          <AddQuota
            key={viewKey}
            rows={rows}
            initial={rows.some((r) => r.key === viewKey) ? { team: viewScope.team, owner: '' } : viewScope}
            teams={facets?.teams ?? []}
            owners={facets?.owners ?? []}
            onAdd={(row) => setEdits((e) => ({ ...e, added: [...e.added, row] }))}
          />
        )}

        {save.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            data-testid="quotas-save-error"
          >
            {t('forecastView.quotas.saveError', { message: errorText(save.error, i18n.language) })}
          </Alert>
        )}
        {tried && !draftValid(rows) && (
          <Text c="red" size="sm" role="alert" data-testid="quotas-invalid">
            {t('forecastView.quotas.invalid')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Text size="sm" aria-live="polite" data-testid="quotas-pending">
            {pending === 0
              ? t('forecastView.quotas.noChanges')
              : t('forecastView.quotas.pending', { count: pending })}
          </Text>
          <Button
            variant="default"
            onClick={() => {
              setEdits(NO_EDITS);
              setTried(false);
            }}
            disabled={pending === 0}
            data-testid="quotas-discard"
          >
            {t('forecastView.quotas.discard')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={onSave}
            loading={save.isPending}
            disabled={pending === 0}
            data-testid="quotas-save"
          >
            {t('forecastView.quotas.save')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  );
}

/**
 * The row that adds a quota: a team (or the whole organisation), optionally a rep of it,
 * and the amount. A scope that already has a row is refused at the rep field, naming it.
 */
function AddQuota({
  rows,
  initial,
  teams,
  owners,
  onAdd,
}: {
  rows: readonly DraftRow[];
  initial: QuotaScope;
  teams: readonly string[];
  owners: readonly { name: string; team: string }[];
  onAdd: (row: QuotaScope & { amount: number }) => void;
}) {
  const { t } = useTranslation();
  const scopeName = useScopeName();
  const [team, setTeam] = useState(initial.team);
  const [owner, setOwner] = useState(initial.owner);
  const [amount, setAmount] = useState<AmountText>('');
  const [errors, setErrors] = useState<{ scope?: string; amount?: string }>({});
  const reps = [...new Set(owners.filter((o) => team === ORG || o.team === team).map((o) => o.name))].sort(
    (a, b) => a.localeCompare(b),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = addError({ team, owner, amount }, rows);
    if (problem?.field === 'scope')
      setErrors({
        scope: t(
          problem.existing.removed
            ? 'forecastView.quotas.errors.duplicateRemoved'
            : 'forecastView.quotas.errors.duplicate',
          { scope: scopeName(problem.existing) },
        ),
      });
    else if (problem?.field === 'amount')
      setErrors({ amount: t(`forecastView.quotas.errors.${problem.error}`) });
    else {
      onAdd({ team, owner, amount: amount as number });
      setErrors({});
      setAmount('');
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('forecastView.quotas.addTitle')} data-testid="quota-add">
      <Text fw={600} mb="xs">
        {t('forecastView.quotas.addTitle')}
      </Text>
      <Group align="flex-start" gap="sm">
        <Select
          label={t('forecastView.quotas.team')}
          data={[
            { value: ORG, label: t('forecastView.quotas.organisation') },
            ...teams.map((v) => ({ value: v, label: v })),
          ]}
          value={team}
          onChange={(v) => {
            setTeam(v ?? ORG);
            setOwner(TEAM_ROW);
            setErrors({});
          }}
          allowDeselect={false}
          searchable
          w={220}
          data-testid="quota-add-team"
        />
        <Select
          label={t('forecastView.quotas.rep')}
          data={[
            {
              value: TEAM_ROW,
              label: team === ORG ? t('forecastView.quotas.noRepOrg') : t('forecastView.quotas.noRepTeam'),
            },
            ...reps.map((v) => ({ value: v, label: v })),
          ]}
          value={owner}
          onChange={(v) => {
            setOwner(v ?? TEAM_ROW);
            setErrors({});
          }}
          allowDeselect={false}
          searchable
          w={240}
          error={errors.scope}
          data-testid="quota-add-owner"
        />
        <NumberInput
          label={t('forecastView.quotas.amount')}
          value={amount}
          onChange={(v) => {
            setAmount(typeof v === 'number' ? v : v === '' ? '' : Number(v));
            setErrors((e) => ({ ...e, amount: undefined }));
          }}
          min={0}
          allowNegative={false}
          decimalScale={2}
          thousandSeparator=","
          clampBehavior="none"
          hideControls
          w={220}
          error={errors.amount}
          data-testid="quota-add-amount"
        />
        <Button
          type="submit"
          mt={25}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          data-testid="quota-add-submit"
        >
          {t('forecastView.quotas.add')}
        </Button>
      </Group>
    </form>
  );
}
