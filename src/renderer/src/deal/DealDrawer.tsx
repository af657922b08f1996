import { Alert, Badge, Button, Drawer, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail, DealRow } from '@shared/contract';
import { ApiError, errorText } from '../api/errors';
import { wholeDays } from '../format/dates';
import { useFormat } from '../format/useFormat';
import type { useLabels } from '../pipeline/useFacets';
import classes from './DealDrawer.module.css';
import { FieldHistory } from './FieldHistory';
import { DealMentors } from './Mentors';
import { DealWinProbability } from './WinProbability';
import { Notes } from './Notes';
import { DealPlans } from '../plans/DealPlans';
import { StageTimeline } from './StageTimeline';
import { useDeal } from './useDeal';

type Labels = ReturnType<typeof useLabels>;

/** What the drawer shows until the details load: a list row, or less from a report's list. */
export type DealPreview = Pick<DealRow, 'id' | 'name' | 'owner' | 'amount'> &
  Partial<Pick<DealRow, 'account' | 'team'>>;

/** One deal in full: facts, stage timeline, field histories and the manager's notes. */
export function DealDrawer({
  preview,
  onClose,
  labels,
}: {
  /** The list row that was opened (null: closed); its fields show until the details load. */
  preview: DealPreview | null;
  onClose: () => void;
  labels: Labels;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // Keep showing the last deal while the drawer slides out, instead of an empty panel.
  const [shown, setShown] = useState(preview);
  if (preview !== null && preview !== shown) setShown(preview);
  const shownId = shown?.id ?? null;
  const deal = useDeal(shownId);

  return (
    <Drawer.Root
      opened={preview !== null}
      onClose={onClose}
      position="right"
      size={720}
      onExitTransitionEnd={() => setShown(null)}
      // The page never scrolls (the table scrolls inside itself), so no scroll lock is
      // needed — and the lock would inject a <style> element without the CSP nonce.
      lockScroll={false}
    >
      <Drawer.Overlay />
      <Drawer.Content data-testid="deal-drawer" data-deal-id={shownId ?? undefined}>
        {/* Not a second "banner" landmark: the page header is the banner. */}
        <Drawer.Header className={classes.header} role="presentation">
          <Drawer.Title className={classes.title}>
            {deal.data?.name ??
              shown?.name ??
              (deal.isError ? (
                t('deal.loadError')
              ) : (
                <Skeleton height={24} width={260} component="span" display="block" />
              ))}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t('deal.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {deal.data ? (
            <DealBody deal={deal.data} labels={labels} />
          ) : deal.isError ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              <Stack gap="sm" align="flex-start">
                <Text size="sm">
                  {deal.error instanceof ApiError && deal.error.code === 'not_found'
                    ? t('errors.notFound')
                    : deal.error instanceof ApiError && deal.error.isNetwork
                      ? t('errors.network')
                      : t('errors.generic', { message: errorText(deal.error, i18n.language) })}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={() => void deal.refetch()}
                >
                  {t('errors.retry')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Stack gap="sm" aria-busy>
              {shown ? (
                <>
                  <Text size="md">{shown.account}</Text>
                  <Text size="sm">{[shown.owner, shown.team].filter(Boolean).join(' · ')}</Text>
                  <Text fz={26} fw={700} className={classes.amount}>
                    {format.money(shown.amount)}
                  </Text>
                </>
              ) : (
                <Skeleton height={28} width="30%" />
              )}
              <Text size="sm" role="status" className={classes.muted}>
                {t('app.loadingDeal')}
              </Text>
              <Skeleton height={120} aria-hidden />
              <Skeleton height={160} aria-hidden />
            </Stack>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function DealBody({ deal, labels }: { deal: DealDetail; labels: Labels }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = labels.stageKind(deal.stage);
  const facts: [string, string][] = [
    [t('deal.owner'), deal.owner],
    [t('deal.team'), deal.team],
    [t('deal.closeDate'), format.day(deal.closeDate) || t('deal.none')],
    [t('deal.forecastCategory'), labels.forecast(deal.forecastCategory)],
    [t('deal.created'), format.day(deal.createdAt)],
    [t('deal.lastActivity'), deal.lastActivityAt ? format.day(deal.lastActivityAt) : t('deal.none')],
  ];
  // Optional CRM fields appear only when the CRM had them.
  if (deal.product) facts.push([t('deal.product'), deal.product]);
  if (deal.lostReason) facts.push([t('deal.lostReason'), deal.lostReason]);
  if (deal.nextStep) facts.push([t('deal.nextStep'), deal.nextStep]);
  facts.push([t('deal.id'), deal.id]);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="md" data-testid="deal-account">
          {deal.account}
        </Text>
        <Group gap="sm" align="center">
          <Text fz={26} fw={700} className={classes.amount} data-testid="deal-amount">
            {format.money(deal.amount)}
          </Text>
          <Badge
            variant="light"
            color={kind === 'won' ? 'green' : kind === 'lost' ? 'gray' : 'blue'}
            tt="none"
            size="lg"
            className={classes.stageBadge}
            data-kind={kind}
          >
            {labels.stage(deal.stage)}
          </Badge>
          {deal.stalled && (
            <Badge
              variant="outline"
              color="red"
              tt="none"
              size="lg"
              leftSection={<IconAlertTriangle size={14} aria-hidden />}
              className={classes.stalledBadge}
            >
              {t('stalled.label')} · {t('days.value', { count: wholeDays(deal.daysInStage) })}
            </Badge>
          )}
          {deal.deletedAt && (
            <Badge
              variant="filled"
              color="gray"
              tt="none"
              size="lg"
              leftSection={<IconTrashX size={14} aria-hidden />}
              data-testid="deal-deleted"
            >
              {t('deal.deleted')}
            </Badge>
          )}
        </Group>
        {deal.deletedAt && (
          <Text size="sm" className={classes.muted}>
            {t('deal.deletedHint', { date: format.day(deal.deletedAt) })}
          </Text>
        )}
      </Stack>

      <SimpleGrid component="dl" cols={2} spacing="md" verticalSpacing="xs" className={classes.facts}>
        {facts.map(([label, value]) => (
          <div key={label} className={classes.fact}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </SimpleGrid>

      <StageTimeline deal={deal} labels={labels} />
      <Notes dealId={deal.id} notes={deal.notes} />
      <DealPlans deal={deal} />
      <DealMentors dealId={deal.id} />
      <DealWinProbability dealId={deal.id} />
      <FieldHistory
        title={t('deal.amountHistory')}
        changes={deal.amountHistory}
        render={(v) =>
          v === '' ? format.money(0) : Number.isFinite(Number(v)) ? format.money(Number(v)) : v
        }
        testId="amount-history"
      />
      <FieldHistory
        title={t('deal.closeDateHistory')}
        changes={deal.closeDateHistory}
        render={(v) => (v ? format.day(v) : t('deal.cleared'))}
        testId="close-date-history"
      />
      <FieldHistory
        title={t('deal.forecastHistory')}
        changes={deal.forecastHistory}
        render={(v) => labels.forecast(v)}
        testId="forecast-history"
      />
    </Stack>
  );
}
