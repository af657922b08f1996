import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import classes from './Plans.module.css';
import {
  IconAlertTriangle,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUserCheck,
  IconUserX,
} from '@tabler/icons-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { powerMapChart } from '@shared/charts/power-map';
import type { Contact, ContactDraft } from '@shared/contract';
import { errorText } from '../api/errors';
import { EChart } from '../charts/EChart';
import { ContactDialog } from './ContactDialog';
import { CoverageGaps } from './CoverageGaps';
import { planLang, useBuyingCentre, usePlanWrite } from './usePlans';
import { ink } from './ink';

/** How long "Contact deleted — Undo" stays offered. */
const UNDO_MS = 10_000;

/**
 * The deal's buying centre (权力地图): the coverage gaps at its stage, the power map, and
 * the contacts as a table — the chart's text alternative and where they are edited.
 * Deleting is immediate with an Undo offered inline (it re-creates the contact).
 */
export function BuyingCentre({
  dealId,
  dealName,
  heading: Heading = 'h3',
}: {
  dealId: string;
  dealName: string;
  heading?: 'h2' | 'h3';
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const centre = useBuyingCentre(dealId);
  const save = usePlanWrite('contacts.save');
  const remove = usePlanWrite('contacts.delete');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleted, setDeleted] = useState<Contact | null>(null);
  const lang = planLang(i18n.language);
  const option = useMemo(() => (centre.data ? powerMapChart(centre.data, lang) : null), [centre.data, lang]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const onSave = (contact: ContactDraft) =>
    save.mutate({ dealId, contact }, { onSuccess: () => setEditing(null) });
  const undo = () => {
    if (!deleted) return;
    const { name, title, role, influence, stance, met, note } = deleted;
    save.mutate({ dealId, contact: { name, title, role, influence, stance, met, note } });
    setDeleted(null);
  };
  const gapIds = new Set(centre.data?.gaps.map((g) => g.contactId) ?? []);

  return (
    <section aria-labelledby={headingId} data-testid="buying-centre">
      <Group justify="space-between" align="baseline" mb={4}>
        <Heading id={headingId} className={classes.heading}>
          {t('plans.centre.title')}
        </Heading>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            save.reset();
            setEditing('new');
          }}
          data-testid="contact-add"
        >
          {t('plans.centre.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('plans.centre.hint')}
      </Text>
      {centre.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('plans.centre.loadError', { message: errorText(centre.error, i18n.language) })}
        </Alert>
      )}
      {centre.data && (
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('plans.centre.gapsTitle')}
            </Text>
            <CoverageGaps gaps={centre.data.gaps} />
          </div>
          {centre.data.contacts.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="contacts-empty">
              {t('plans.centre.empty')}
            </Text>
          ) : (
            <>
              {option && (
                <EChart
                  option={option}
                  title={t('plans.centre.chartTitle', { deal: dealName })}
                  height={300}
                  testId="power-map"
                />
              )}
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing={4} data-testid="contacts-table">
                  <VisuallyHidden component="caption">{t('plans.centre.tableCaption')}</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('plans.centre.columns.name')}</Table.Th>
                      <Table.Th scope="col">{t('plans.centre.columns.role')}</Table.Th>
                      <Table.Th scope="col">{t('plans.centre.columns.influence')}</Table.Th>
                      <Table.Th scope="col">{t('plans.centre.columns.stance')}</Table.Th>
                      <Table.Th scope="col">{t('plans.centre.columns.met')}</Table.Th>
                      <Table.Th scope="col">{t('plans.centre.columns.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {centre.data.contacts.map((c) => (
                      <Table.Tr key={c.id} data-testid="contact-row" data-contact-id={c.id}>
                        <Table.Th scope="row" fw="normal">
                          <Text size="sm" fw={600}>
                            {c.name}
                          </Text>
                          {c.title && (
                            <Text size="xs" c="dimmed">
                              {c.title}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>{t(`plans.roles.${c.role}`)}</Table.Td>
                        <Table.Td>{c.influence} / 5</Table.Td>
                        <Table.Td>{t(`plans.stances.${c.stance}`)}</Table.Td>
                        <Table.Td>
                          <Badge
                            variant={c.met ? 'light' : 'outline'}
                            color={gapIds.has(c.id) ? 'red' : c.met ? 'green' : 'gray'}
                            {...ink(gapIds.has(c.id) ? 'red' : c.met ? 'green' : 'gray')}
                            tt="none"
                            leftSection={
                              c.met ? (
                                <IconUserCheck size={12} aria-hidden />
                              ) : (
                                <IconUserX size={12} aria-hidden />
                              )
                            }
                          >
                            {c.met ? t('plans.centre.metYes') : t('plans.centre.metNo')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={2} wrap="nowrap">
                            <Tooltip label={t('plans.centre.edit', { name: c.name })}>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                aria-label={t('plans.centre.edit', { name: c.name })}
                                onClick={() => {
                                  save.reset();
                                  setEditing(c);
                                }}
                                data-testid="contact-edit"
                              >
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('plans.centre.delete', { name: c.name })}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('plans.centre.delete', { name: c.name })}
                                onClick={() =>
                                  remove.mutate(
                                    { contactId: c.id },
                                    { onSuccess: (r) => setDeleted(r.deleted) },
                                  )
                                }
                                data-testid="contact-delete"
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>
      )}
      <div role="status" className="funnel-status-slot">
        {deleted && (
          <Paper withBorder p="xs" bg="var(--mantine-color-default-hover)">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('plans.centre.deleted', { name: deleted.name })}</Text>
              <Button size="compact-sm" variant="default" onClick={undo} data-testid="contact-undo">
                {t('plans.centre.undo')}
              </Button>
            </Group>
          </Paper>
        )}
      </div>
      {editing !== null && (
        <ContactDialog
          contact={editing === 'new' ? null : editing}
          saving={save.isPending}
          error={
            save.error ? t('plans.centre.saveError', { message: errorText(save.error, i18n.language) }) : null
          }
          onSave={onSave}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
