import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_STYLES,
  type AgendaItem,
  type AgendaProposal,
  type AgendaStyle,
  type Meeting,
} from '@shared/contract';
import { divideBudget } from '@shared/domain/review-budget';
import { dayOf } from '@shared/time';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { FlagBadges } from '../analytics/FlagBadges';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { useFacets } from '../pipeline/useFacets';
import { navigate, routeHref } from '../shell/route';
import { useWorkspace } from '../workspace/useWorkspace';
import { reviewHref } from './ReviewHome';
import { useMeeting, useReviewWrite } from './useReview';

const DEFAULT_N: Record<AgendaStyle, number> = {
  rep: 5,
  flagged: 30,
  stage: 30,
  top: 10,
  changed: 30,
  unplanned: 30,
};

type Entry = Pick<AgendaItem, 'kind' | 'dealId' | 'owner' | 'reason' | 'card'>;

/**
 * Preparing a review: a scope (team, reps), an agenda style and a time budget build a
 * proposed agenda, which the manager reorders (buttons or Alt+↑/↓), trims (Delete) and
 * extends (a deal found by search, a rep's section) before saving it as a draft or starting.
 */
export function PrepareReview({ id }: { id: number | null }) {
  const { t, i18n } = useTranslation();
  const draft = useMeeting(id);
  if (id !== null && !draft.data)
    return (
      <Text role="status">{draft.error ? errorText(draft.error, i18n.language) : t('app.loading')}</Text>
    );
  return <PrepareForm id={id} draft={draft.data ?? null} />;
}

function PrepareForm({ id, draft }: { id: number | null; draft: Meeting | null }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const notify = useNotify();
  const facets = useFacets().data;
  const workspace = useWorkspace().data;
  const save = useReviewWrite('review.save');
  const start = useReviewWrite('review.start');
  const [title, setTitle] = useState(draft?.title ?? '');
  const [team, setTeam] = useState<string | null>(draft?.scope.team ?? null);
  const [reps, setReps] = useState<string[]>(draft?.scope.reps ?? []);
  const [style, setStyle] = useState<AgendaStyle>(draft?.style ?? 'flagged');
  const [topN, setTopN] = useState<number | string>(draft?.topN ?? '');
  const [budget, setBudget] = useState<number | string>(draft?.budgetMinutes ?? 30);
  const [agenda, setAgenda] = useState<Entry[]>(draft?.agenda ?? []);
  const [proposal, setProposal] = useState<AgendaProposal | null>(null);
  const [search, setSearch] = useState('');
  const [rep, setRep] = useState<string | null>(null);
  const [titleError, setTitleError] = useState(false);

  const owners = (facets?.owners ?? []).filter((o) => !team || o.team === team).map((o) => o.name);
  const scope = { team, reps };
  const scopeName = `${team ?? t('review.allTeams')}${reps.length ? ` · ${reps.join(', ')}` : ''}`;
  const followUps = proposal?.followUps.length ?? draft?.followUps.length ?? 0;
  const minutes = divideBudget(
    agenda.map((e) => e.kind),
    followUps,
    Number(budget) || 1,
  ).items;
  const fail = (e: unknown) => notify({ message: errorText(e, i18n.language), color: 'red' });

  const found = useQuery({
    queryKey: ['review.search', search, team],
    queryFn: () =>
      api.invoke('pipeline.list', {
        filter: { search, status: 'open', ...(team ? { teams: [team] } : {}) },
        limit: 8,
      }),
    enabled: search.trim().length > 0,
  });

  const build = async () => {
    try {
      const p = await api.invoke('review.propose', {
        scope,
        style,
        topN: topN === '' ? null : Number(topN),
        budgetMinutes: Number(budget) || 30,
      });
      setProposal(p);
      setAgenda(p.agenda);
    } catch (e) {
      fail(e);
    }
  };

  const move = (i: number, by: number) =>
    setAgenda((list) => {
      const j = i + by;
      if (j < 0 || j >= list.length) return list;
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const remove = (i: number) => setAgenda((list) => list.filter((_, k) => k !== i));
  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      move(i, -1);
      requestAnimationFrame(() => (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus());
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      move(i, 1);
      requestAnimationFrame(() => (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus());
    } else if (e.key === 'Delete') {
      e.preventDefault();
      remove(i);
    }
  };
  const name = (e: Entry) =>
    e.kind === 'rep'
      ? `${t('review.slide.rep')}: ${e.owner ?? ''}`
      : e.card?.kind === 'deal'
        ? `${e.card.name} · ${e.card.owner}`
        : (e.dealId ?? '');

  const persist = async (): Promise<number | null> => {
    const finalTitle =
      title.trim() ||
      t('review.prepare.defaultName', {
        scope: scopeName,
        date: format.day(dayOf(workspace?.now ? Date.parse(workspace.now) : Date.now())),
      });
    if (!finalTitle) {
      setTitleError(true);
      return null;
    }
    try {
      const m = await save.mutateAsync({
        ...(id !== null ? { id } : {}),
        title: finalTitle,
        scope,
        style,
        topN: topN === '' ? null : Number(topN),
        budgetMinutes: Number(budget) || 30,
        agenda: agenda.map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
      });
      setTitle(m.title);
      return m.id;
    } catch (e) {
      fail(e);
      return null;
    }
  };

  return (
    <Stack gap="md" className="funnel-screen" data-testid="review-prepare">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('review.prepare.title')}
        </Title>
        <Button variant="subtle" onClick={() => navigate(routeHref('review'))}>
          {t('review.prepare.back')}
        </Button>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            label={t('review.prepare.name')}
            value={title}
            placeholder={t('review.prepare.defaultName', { scope: scopeName, date: '…' })}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setTitleError(false);
            }}
            error={titleError ? t('review.prepare.needTitle') : undefined}
            data-testid="review-title"
          />
          <Group grow align="flex-start">
            <Select
              label={t('review.prepare.team')}
              data={facets?.teams ?? []}
              value={team}
              onChange={(v) => {
                setTeam(v);
                setReps([]);
              }}
              placeholder={t('review.allTeams')}
              clearable
              searchable
              data-testid="review-team"
            />
            <MultiSelect
              label={t('review.prepare.reps')}
              data={owners}
              value={reps}
              onChange={setReps}
              placeholder={reps.length ? undefined : t('review.prepare.repsPlaceholder')}
              searchable
              clearable
              data-testid="review-reps"
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('review.prepare.style')}
              data={AGENDA_STYLES.map((s) => ({ value: s, label: t(`review.styles.${s}`) }))}
              value={style}
              onChange={(v) => v && setStyle(v as AgendaStyle)}
              allowDeselect={false}
              data-testid="review-style"
            />
            <NumberInput
              label={t('review.prepare.topN')}
              description={t('review.prepare.topNHint', { count: DEFAULT_N[style] })}
              min={1}
              max={500}
              value={topN}
              onChange={setTopN}
              data-testid="review-topn"
            />
            <NumberInput
              label={t('review.prepare.budget')}
              min={1}
              max={600}
              value={budget}
              onChange={setBudget}
              data-testid="review-budget"
            />
          </Group>
          <Group>
            <Button onClick={() => void build()} data-testid="review-build">
              {t('review.prepare.build')}
            </Button>
            {agenda.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('review.prepare.rebuildHint')}
              </Text>
            )}
          </Group>
        </Stack>
      </Paper>

      {proposal && (
        <Alert icon={<IconInfoCircle aria-hidden />} variant="light" data-testid="review-proposal-info">
          <Stack gap={4}>
            <Text size="sm">
              {proposal.previous
                ? t('review.prepare.previous', {
                    title: proposal.previous.title,
                    date: format.day(proposal.previous.asOf.slice(0, 10)),
                  })
                : t('review.prepare.noPrevious')}
            </Text>
            {proposal.followUps.length > 0 && (
              <Text size="sm" fw={600} data-testid="review-followups-note">
                {t('review.prepare.followUps', { count: proposal.followUps.length })}
              </Text>
            )}
            {proposal.leftOut > 0 && (
              <Text size="sm">{t('review.prepare.leftOut', { count: proposal.leftOut })}</Text>
            )}
          </Stack>
        </Alert>
      )}

      <section aria-labelledby="agenda-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="agenda-heading">
            {t('review.prepare.agenda')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.prepare.keyboardHint')}
          </Text>
        </Group>
        {agenda.length === 0 ? (
          <Text c="dimmed">{t('review.prepare.agendaEmpty')}</Text>
        ) : (
          <ol className="funnel-plain-list" data-testid="review-agenda">
            {agenda.map((e, i) => (
              <li
                key={`${e.kind}-${e.dealId ?? e.owner}`}
                tabIndex={0}
                onKeyDown={(ev) => onRowKey(ev, i)}
                aria-label={`${i + 1}. ${name(e)}`}
                data-testid="agenda-row"
              >
                <Paper withBorder p="xs" mb={6}>
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="sm" wrap="nowrap" miw={0}>
                      <Text fw={700} w={32}>
                        {i + 1}.
                      </Text>
                      <Stack gap={2} miw={0}>
                        <Text fw={600} truncate>
                          {name(e)}
                        </Text>
                        <Group gap={6}>
                          <Badge variant="outline" color="gray" tt="none">
                            {t(`review.why.${e.reason.why}`)}
                          </Badge>
                          {e.card?.kind === 'deal' && <Text size="sm">{format.money(e.card.amount)}</Text>}
                          <FlagBadges flags={e.reason.flags} />
                        </Group>
                      </Stack>
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" c="dimmed" w={72} ta="right">
                        {t('review.prepare.itemMinutes', { minutes: (minutes[i] ?? 0).toFixed(1) })}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('review.prepare.moveUp', { name: name(e) })}
                        onClick={() => move(i, -1)}
                        disabled={i === 0}
                      >
                        <IconArrowUp size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('review.prepare.moveDown', { name: name(e) })}
                        onClick={() => move(i, 1)}
                        disabled={i === agenda.length - 1}
                      >
                        <IconArrowDown size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('review.prepare.remove', { name: name(e) })}
                        onClick={() => remove(i)}
                        data-testid="agenda-remove"
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                </Paper>
              </li>
            ))}
          </ol>
        )}
        <Group align="flex-end" mt="sm" grow>
          <Stack gap={4}>
            <TextInput
              label={t('review.prepare.addDeal')}
              placeholder={t('review.prepare.addDealPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              data-testid="agenda-search"
            />
            {found.data && found.data.rows.length > 0 && (
              <Group gap={6} data-testid="agenda-found">
                {found.data.rows
                  .filter((r) => !agenda.some((e) => e.dealId === r.id))
                  .map((r) => (
                    <Button
                      key={r.id}
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setAgenda((list) => [
                          ...list,
                          {
                            kind: 'deal',
                            dealId: r.id,
                            owner: r.owner,
                            reason: { why: 'added', flags: r.flags, changes: [] },
                            card: null,
                          },
                        ]);
                        setSearch('');
                      }}
                    >
                      {r.name} · {r.owner}
                    </Button>
                  ))}
              </Group>
            )}
          </Stack>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('review.prepare.addRep')}
              data={owners}
              value={rep}
              onChange={setRep}
              searchable
              clearable
            />
            <Button
              variant="default"
              disabled={!rep}
              onClick={() => {
                if (rep)
                  setAgenda((list) => [
                    ...list,
                    {
                      kind: 'rep',
                      dealId: null,
                      owner: rep,
                      reason: { why: 'added', flags: [], changes: [] },
                      card: null,
                    },
                  ]);
                setRep(null);
              }}
            >
              {t('review.prepare.addRep')}
            </Button>
          </Group>
        </Group>
      </section>

      <Group justify="flex-end">
        <Button
          variant="default"
          loading={save.isPending}
          onClick={async () => {
            const saved = await persist();
            if (saved !== null) {
              notify({ message: t('review.prepare.saved'), color: 'green' });
              if (id === null) navigate(reviewHref('prepare', { id: String(saved) }), true);
            }
          }}
          data-testid="review-save"
        >
          {t('review.prepare.save')}
        </Button>
        <Button
          loading={start.isPending}
          disabled={agenda.length === 0 && followUps === 0}
          onClick={async () => {
            const saved = await persist();
            if (saved === null) return;
            try {
              await start.mutateAsync({ id: saved });
              navigate(reviewHref('run', { id: String(saved) }));
            } catch (e) {
              fail(e);
            }
          }}
          data-testid="review-start"
        >
          {t('review.prepare.start')}
        </Button>
      </Group>
    </Stack>
  );
}
