import { Button, EmptyState, Group, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconDots, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary, MinutesFormat } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { ReportState } from '../analytics/ViewFrame';
import { downloadBytes, downloadText } from '../export/download';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import { navigate, routeHref } from '../shell/route';
import { useMeetings, useReviewWrite } from './useReview';

export const reviewHref = (view: string, params: Record<string, string> = {}) =>
  routeHref('review', { view, ...params });

/** The reviews of the workspace: prepare a new one, continue a draft, present, reopen, minute, compare. */
export function ReviewHome() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const meetings = useMeetings();
  const api = useApi();
  const notify = useNotify();
  const remove = useReviewWrite('review.delete');
  const [deleting, setDeleting] = useState<MeetingSummary | null>(null);
  const list = meetings.data ?? [];
  const scope = (m: MeetingSummary) =>
    `${m.scope.team ?? t('review.allTeams')} · ${m.scope.reps.length ? m.scope.reps.join(', ') : t('review.allReps')}`;
  const previousOf = (m: MeetingSummary) =>
    list.find(
      (o) =>
        o.id !== m.id &&
        o.status !== 'planned' &&
        scope(o) === scope(m) &&
        (o.asOf < m.asOf || (o.asOf === m.asOf && o.id < m.id)),
    );
  const minutes = async (m: MeetingSummary, fileFormat: MinutesFormat) => {
    try {
      const file = await api.invoke('review.minutes', {
        id: m.id,
        format: fileFormat,
        lang: i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
      });
      if (file.base64 !== null) downloadBytes(file.fileName, file.base64, file.mime);
      else downloadText(file.fileName, file.text ?? '', `${file.mime};charset=utf-8`);
      notify({ message: t('review.minutesSaved', { file: file.fileName }), color: 'green' });
    } catch (e) {
      notify({ message: errorText(e, i18n.language), color: 'red' });
    }
  };

  return (
    <Stack gap="md" className="funnel-screen" data-testid="view-review">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('review.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => navigate(reviewHref('prepare'))}
          data-testid="review-new"
        >
          {t('review.new')}
        </Button>
      </Group>
      <Text c="dimmed">{t('review.intro')}</Text>
      <ReportState error={meetings.error} loading={meetings.isLoading} />
      {meetings.data && list.length === 0 && (
        <EmptyState icon={<IconUsersGroup aria-hidden />} title={t('review.emptyTitle')}>
          {t('review.emptyBody')}
        </EmptyState>
      )}
      {list.length > 0 && (
        <Table striped highlightOnHover aria-label={t('review.tableLabel')} data-testid="review-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.columns.title')}</Table.Th>
              <Table.Th>{t('review.columns.scope')}</Table.Th>
              <Table.Th>{t('review.columns.status')}</Table.Th>
              <Table.Th>{t('review.columns.asOf')}</Table.Th>
              <Table.Th>{t('review.columns.duration')}</Table.Th>
              <Table.Th ta="right">{t('review.columns.decisions')}</Table.Th>
              <Table.Th ta="right">{t('review.columns.nextSteps')}</Table.Th>
              <Table.Th>{t('review.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((m) => {
              const previous = previousOf(m);
              return (
                <Table.Tr key={m.id} data-testid={`review-row-${m.id}`}>
                  <Table.Td fw={600}>{m.title}</Table.Td>
                  <Table.Td>{scope(m)}</Table.Td>
                  <Table.Td>{t(`review.status.${m.status}`)}</Table.Td>
                  <Table.Td>{format.day(m.asOf.slice(0, 10))}</Table.Td>
                  <Table.Td>
                    {m.startedAt ? t('review.minutes', { count: Math.round(m.elapsedMs / 60_000) }) : '—'}
                  </Table.Td>
                  <Table.Td ta="right">{m.decisionCount}</Table.Td>
                  <Table.Td ta="right">{m.nextStepCount}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {m.status === 'planned' && (
                        <Button
                          size="xs"
                          onClick={() => navigate(reviewHref('prepare', { id: String(m.id) }))}
                        >
                          {t('review.actions.prepare')}
                        </Button>
                      )}
                      {m.status === 'running' && (
                        <Button
                          size="xs"
                          onClick={() => navigate(reviewHref('run', { id: String(m.id) }))}
                          data-testid="review-present"
                        >
                          {t('review.actions.present')}
                        </Button>
                      )}
                      {m.status === 'ended' && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => navigate(reviewHref('run', { id: String(m.id) }))}
                        >
                          {t('review.actions.reopen')}
                        </Button>
                      )}
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={t('review.actions.more', { title: m.title })}
                            data-testid={`review-more-${m.id}`}
                          >
                            <IconDots size={16} aria-hidden />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {m.status !== 'planned' && (
                            <>
                              <Menu.Item onClick={() => void minutes(m, 'md')} data-testid="minutes-md">
                                {t('review.actions.minutesMd')}
                              </Menu.Item>
                              <Menu.Item onClick={() => void minutes(m, 'docx')} data-testid="minutes-docx">
                                {t('review.actions.minutesDocx')}
                              </Menu.Item>
                              <Menu.Item
                                onClick={() => navigate(reviewHref('minutes', { id: String(m.id) }))}
                                data-testid="minutes-print"
                              >
                                {t('review.actions.minutesPrint')}
                              </Menu.Item>
                            </>
                          )}
                          {previous && m.status !== 'planned' && (
                            <Menu.Item
                              onClick={() =>
                                navigate(reviewHref('compare', { a: String(previous.id), b: String(m.id) }))
                              }
                            >
                              {t('review.actions.compare')}
                            </Menu.Item>
                          )}
                          <Menu.Item color="red" onClick={() => setDeleting(m)}>
                            {t('review.actions.delete')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('review.confirmDelete.title')}
        centered
        lockScroll={false}
      >
        <Stack>
          <Text>{t('review.confirmDelete.body', { title: deleting?.title ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              {t('review.confirmDelete.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                const m = deleting!;
                setDeleting(null);
                remove.mutate(
                  { id: m.id },
                  {
                    onSuccess: () => notify({ message: t('review.deleted', { title: m.title }) }),
                    onError: (e) => notify({ message: errorText(e, i18n.language), color: 'red' }),
                  },
                );
              }}
            >
              {t('review.confirmDelete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
