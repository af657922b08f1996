import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorTag } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { shareProblem, totalShare, type ShareProblem } from '../mentors/share';
import { useDealMentors, useMentorMutations, useMentorPeople } from '../mentors/useMentors';
import mentorClasses from '../mentors/Mentors.module.css';
import classes from './DealDrawer.module.css';

/** How long "Mentor removed — Undo" stays offered. */
const UNDO_MS = 10_000;

type ShareValue = number | string;

/** A share problem in words; `null` when there is none. */
function useShareError() {
  const { t } = useTranslation();
  return (problem: ShareProblem | null): string | null =>
    problem === null
      ? null
      : problem.kind === 'required'
        ? t('mentors.errors.shareRequired')
        : problem.kind === 'range'
          ? t('mentors.errors.shareRange')
          : t('mentors.errors.shareSum', { total: problem.total, room: problem.room });
}

/**
 * The deal's mentors (师徒制): who joined it, their share of the won amount, when and from
 * where. Add, change a share, remove with an inline Undo (inside the drawer, where focus is
 * trapped) that puts the removed tag back exactly as it was, join time and source included.
 */
export function DealMentors({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const tags = useDealMentors(dealId);
  const { untag, restore } = useMentorMutations();
  const [removed, setRemoved] = useState<MentorTag[] | null>(null);
  const list = tags.data ?? [];

  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  const remove = (tag: MentorTag) =>
    untag.mutate(
      { mentor: tag.mentor, dealIds: [dealId] },
      { onSuccess: (result) => setRemoved(result.removed.length ? result.removed : null) },
    );
  const undo = () => {
    if (!removed) return;
    restore.mutate(removed, { onSuccess: () => setRemoved(null) });
  };

  return (
    <section
      className={`${classes.section} ${mentorClasses.readableErrors}`}
      aria-labelledby={headingId}
      data-testid="deal-mentors"
    >
      <h3 id={headingId}>{t('mentors.drawer.title')}</h3>
      <Text size="xs" className={classes.muted} mb="xs">
        {t('mentors.drawer.hint')}
      </Text>
      {tags.isError ? (
        <Text size="sm" className="funnel-error-text" role="alert">
          {t('mentors.errors.loadError', { message: errorText(tags.error, i18n.language) })}
        </Text>
      ) : tags.isPending ? (
        <Text size="sm" className={classes.muted}>
          {t('analytics.loading')}
        </Text>
      ) : list.length === 0 ? (
        <Text size="sm" className={classes.muted} data-testid="deal-mentors-empty">
          {t('mentors.drawer.empty')}
        </Text>
      ) : (
        <>
          <Stack
            component="ul"
            gap={6}
            className="funnel-plain-list"
            aria-label={t('mentors.drawer.listLabel')}
          >
            {list.map((tag) => (
              <MentorItem
                key={tag.mentor}
                tag={tag}
                others={list.filter((o) => o.mentor !== tag.mentor).map((o) => o.sharePct)}
                onRemove={() => remove(tag)}
                removing={untag.isPending && untag.variables?.mentor === tag.mentor}
              />
            ))}
          </Stack>
          <Text size="xs" className={classes.muted} mt={6} data-testid="deal-mentors-total">
            {t('mentors.drawer.total', { value: totalShare(list.map((m) => m.sharePct)) })}
          </Text>
        </>
      )}
      {(untag.isError || restore.isError) && (
        <Text size="sm" className="funnel-error-text" role="alert" mt="xs">
          {untag.isError
            ? t('mentors.errors.refused', { message: errorText(untag.error, i18n.language) })
            : t('mentors.drawer.undoError', { message: errorText(restore.error, i18n.language) })}
        </Text>
      )}
      {/* Announced politely; empty (and taking no space) unless a mentor was just removed. */}
      <div role="status" className="funnel-status-slot">
        {removed && (
          <Paper withBorder p="xs" bg="var(--mantine-color-default-hover)" data-testid="mentor-undo">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t('mentors.drawer.removed', { mentor: removed.map((r) => r.mentor).join(', ') })}
              </Text>
              <Button
                size="compact-sm"
                variant="default"
                onClick={undo}
                loading={restore.isPending}
                data-testid="mentor-undo-button"
              >
                {t('mentors.drawer.undo')}
              </Button>
            </Group>
          </Paper>
        )}
      </div>
      {tags.data && <AddMentor dealId={dealId} tags={list} />}
    </section>
  );
}

function MentorItem({
  tag,
  others,
  onRemove,
  removing,
}: {
  tag: MentorTag;
  others: number[];
  onRemove: () => void;
  removing: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <li data-testid="deal-mentor" data-mentor={tag.mentor}>
      <Paper withBorder px="sm" py={6} radius="sm">
        {editing ? (
          <ShareEditor tag={tag} others={others} onDone={() => setEditing(false)} />
        ) : (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600}>
                {tag.mentor}
              </Text>
              <Text size="xs" className={classes.muted}>
                {t('mentors.drawer.tagged', { date: format.day(tag.taggedAt) })} ·{' '}
                {t('mentors.drawer.source', { source: t(`mentors.sources.${tag.source}`) })}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Badge
                variant="light"
                size="lg"
                tt="none"
                className={classes.numeric}
                data-testid="mentor-share"
              >
                {t('mentors.sharePct', { value: tag.sharePct })}
              </Badge>
              <Tooltip label={t('mentors.drawer.editShare', { mentor: tag.mentor })}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('mentors.drawer.editShare', { mentor: tag.mentor })}
                  onClick={() => setEditing(true)}
                  data-testid="mentor-edit"
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('mentors.drawer.remove', { mentor: tag.mentor })}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('mentors.drawer.remove', { mentor: tag.mentor })}
                  onClick={onRemove}
                  loading={removing}
                  data-testid="mentor-remove"
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        )}
      </Paper>
    </li>
  );
}

/** Changing one mentor's share in place; the other mentors' shares bound it. */
function ShareEditor({ tag, others, onDone }: { tag: MentorTag; others: number[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const shareError = useShareError();
  const { tag: save } = useMentorMutations();
  const [value, setValue] = useState<ShareValue>(tag.sharePct);
  const [touched, setTouched] = useState(false);
  const problem = shareProblem(value, others);
  const submit = () => {
    setTouched(true);
    if (problem || save.isPending) return;
    save.mutate(
      { mentor: tag.mentor, sharePct: Number(value), dealIds: [tag.dealId] },
      { onSuccess: onDone },
    );
  };
  const error =
    (touched && shareError(problem)) ||
    (save.isError ? t('mentors.errors.refused', { message: errorText(save.error, i18n.language) }) : null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <NumberInput
          label={t('mentors.drawer.shareOf', { mentor: tag.mentor })}
          value={value}
          onChange={(v) => {
            setValue(v);
            setTouched(true);
            save.reset();
          }}
          min={0}
          max={100}
          decimalScale={2}
          suffix="%"
          error={error}
          data-autofocus
          autoFocus
          style={{ flex: 1 }}
          data-testid="mentor-share-input"
        />
        <Group gap={4} mt={25} wrap="nowrap">
          <Button type="submit" size="sm" loading={save.isPending} data-testid="mentor-share-save">
            {t('mentors.drawer.save')}
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            {t('mentors.drawer.cancel')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}

/** Adding a mentor (or, naming one already on the deal, changing their share). */
function AddMentor({ dealId, tags }: { dealId: string; tags: MentorTag[] }) {
  const { t, i18n } = useTranslation();
  const shareError = useShareError();
  const people = useMentorPeople();
  const { tag: save } = useMentorMutations();
  const [mentor, setMentor] = useState('');
  const [share, setShare] = useState<ShareValue>('');
  const [tried, setTried] = useState(false);
  const name = mentor.trim();
  // Naming a mentor already on the deal changes their share: their old share is not "other".
  const others = tags.filter((m) => m.mentor !== name).map((m) => m.sharePct);
  const problem = shareProblem(share, others);
  const nameError = tried && !name ? t('mentors.errors.nameRequired') : null;
  const localError = tried || (share !== '' && problem?.kind !== 'required') ? shareError(problem) : null;
  const serverError = save.isError
    ? t('mentors.errors.refused', { message: errorText(save.error, i18n.language) })
    : null;

  const submit = () => {
    setTried(true);
    if (!name || problem || save.isPending) return;
    save.mutate(
      { mentor: name, sharePct: Number(share), dealIds: [dealId] },
      {
        onSuccess: () => {
          setMentor('');
          setShare('');
          setTried(false);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="mentor-add-form"
    >
      <Group align="flex-start" gap="xs" mt="sm" wrap="nowrap">
        <Autocomplete
          label={t('mentors.mentor')}
          placeholder={t('mentors.mentorPlaceholder')}
          data={people.data ?? []}
          value={mentor}
          onChange={(v) => {
            setMentor(v);
            save.reset();
          }}
          limit={20}
          error={nameError}
          style={{ flex: 2 }}
          comboboxProps={{ withinPortal: false }}
          data-testid="mentor-name-input"
        />
        <NumberInput
          label={t('mentors.sharePctLabel')}
          value={share}
          onChange={(v) => {
            setShare(v);
            save.reset();
          }}
          min={0}
          max={100}
          decimalScale={2}
          suffix="%"
          error={localError ?? serverError}
          style={{ flex: 1 }}
          data-testid="mentor-share-new"
        />
        <Button
          type="submit"
          mt={25}
          leftSection={<IconUserPlus size={16} aria-hidden />}
          loading={save.isPending}
          data-testid="mentor-add"
        >
          {t('mentors.drawer.add')}
        </Button>
      </Group>
    </form>
  );
}
