import { Alert, Autocomplete, Button, Group, List, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRow } from '@shared/contract';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import classes from './Mentors.module.css';
import { shareProblem } from './share';
import { refusedDeals, useMentorMutations, useMentorPeople } from './useMentors';

/** How many refused deals the dialog names before "…and N more". */
const NAMED = 8;

/**
 * "Tag mentor…" over the checked deals: one mentor, one share, every deal at once. The
 * backend refuses the whole batch when any deal would pass 100% shared; the dialog then
 * names those deals (by name where the table had them) and stays open for a lower share.
 */
export function TagMentorDialog({
  deals,
  onClose,
}: {
  deals: ReadonlyMap<string, DealRow>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const people = useMentorPeople();
  const { tag } = useMentorMutations();
  const [mentor, setMentor] = useState('');
  const [share, setShare] = useState<number | string>('');
  const [tried, setTried] = useState(false);
  const name = mentor.trim();
  // Each deal's other mentors are not known here: the range is checked now, the sums by the backend.
  const problem = shareProblem(share, []);
  const count = deals.size;
  const over = refusedDeals(tag.error);

  const submit = () => {
    setTried(true);
    if (!name || problem || tag.isPending) return;
    tag.mutate(
      { mentor: name, sharePct: Number(share), dealIds: [...deals.keys()] },
      {
        onSuccess: ({ tagged }) => {
          notify({ message: t('mentors.bulk.done', { mentor: name, count: tagged }), color: 'green' });
          onClose();
        },
      },
    );
  };

  return (
    <Modal.Root opened onClose={onClose} size="lg" lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content className={classes.readableErrors} data-testid="tag-mentor-dialog">
        <Modal.Header role="presentation">
          <Modal.Title fw={700}>{t('mentors.bulk.title', { count })}</Modal.Title>
          <Modal.CloseButton aria-label={t('mentors.bulk.cancel')} />
        </Modal.Header>
        <Modal.Body>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('mentors.bulk.body')}</Text>
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Autocomplete
                  label={t('mentors.mentor')}
                  placeholder={t('mentors.mentorPlaceholder')}
                  data={people.data ?? []}
                  value={mentor}
                  onChange={(v) => {
                    setMentor(v);
                    tag.reset();
                  }}
                  limit={20}
                  error={tried && !name ? t('mentors.errors.nameRequired') : null}
                  data-autofocus
                  style={{ flex: 3 }}
                  data-testid="bulk-mentor-name"
                />
                <NumberInput
                  label={t('mentors.sharePctLabel')}
                  value={share}
                  onChange={(v) => {
                    setShare(v);
                    tag.reset();
                  }}
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix="%"
                  error={
                    tried && problem
                      ? t(
                          problem.kind === 'range'
                            ? 'mentors.errors.shareRange'
                            : 'mentors.errors.shareRequired',
                        )
                      : null
                  }
                  style={{ flex: 2 }}
                  data-testid="bulk-mentor-share"
                />
              </Group>
              {tag.isError && (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('mentors.bulk.refusedTitle')}
                  role="alert"
                  data-testid="bulk-refused"
                >
                  <Stack gap={6}>
                    <Text size="sm">{errorText(tag.error, i18n.language)}</Text>
                    {over.length > 0 && (
                      <>
                        <Text size="sm" fw={600}>
                          {t('mentors.bulk.overDeals')}
                        </Text>
                        <List size="sm" spacing={2} data-testid="bulk-refused-deals">
                          {over.slice(0, NAMED).map((d) => (
                            <List.Item key={d.dealId}>
                              {deals.get(d.dealId)?.name ?? d.dealId} —{' '}
                              {t('mentors.sharePct', { value: d.totalPct })}
                            </List.Item>
                          ))}
                        </List>
                        {over.length > NAMED && (
                          <Text size="sm">{t('mentors.bulk.andMore', { count: over.length - NAMED })}</Text>
                        )}
                      </>
                    )}
                  </Stack>
                </Alert>
              )}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={onClose}>
                  {t('mentors.bulk.cancel')}
                </Button>
                <Button
                  type="submit"
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                  loading={tag.isPending}
                  data-testid="bulk-tag-submit"
                >
                  {t('mentors.bulk.submit', { count })}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
