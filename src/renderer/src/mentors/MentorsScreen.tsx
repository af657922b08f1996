import { Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { IconMoodEmpty, IconSchool, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalyticsFilters } from '../analytics/AnalyticsFilters';
import { windowText } from '../analytics/chart-context';
import { useSharedFilters } from '../analytics/useSharedFilters';
import { Panel, ReportState, ViewFrame } from '../analytics/ViewFrame';
import { DealDrawer, type DealPreview } from '../deal/DealDrawer';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { navigate, routeHref } from '../shell/route';
import { ExportXlsxButton } from './ExportXlsxButton';
import { LiftPanel } from './LiftPanel';
import { MentorDeals } from './MentorDeals';
import { MentorsTable } from './MentorsTable';
import { QuartersTable } from './QuartersTable';
import { useMentoredDeals, useMentorsView } from './useMentors';

/**
 * Mentors (师徒制): whether mentored deals win more often and faster than comparable
 * unmentored ones, with intervals and an honest "not enough data"; what each mentor
 * earned, per quarter for payroll (XLSX); and the deals behind a mentor (`?mentor=` in the
 * URL, so the drill survives a reload and Back).
 */
export function MentorsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set, params, setParams } = useSharedFilters();
  const labels = useLabels(useFacets().data);
  const view = useMentorsView(scope);
  const report = view.data;
  const mentor = params.get('mentor');
  const [openDeal, setOpenDeal] = useState<DealPreview | null>(null);

  // Nothing in the period: tell "nobody is tagged yet" (explain mentoring) from "no
  // mentored deal in this period" by the workspace's mentored deals of all time.
  const nothing = report !== undefined && report.summaries.length === 0;
  const allTime = useMentoredDeals(scope && { asOf: scope.asOf }, undefined, nothing);
  const untagged = nothing && allTime.data?.length === 0;
  const periodEmpty = nothing && (allTime.data?.length ?? 0) > 0;

  return (
    <ViewFrame
      title={t('mentors.title')}
      subtitle={report ? windowText(t, format, report) : undefined}
      filters={
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <AnalyticsFilters filters={filters} set={set} />
          <ExportXlsxButton scope={untagged ? null : scope} />
        </Group>
      }
      testId="view-mentors"
    >
      <ReportState error={view.error} loading={view.isLoading} />
      {untagged && (
        <EmptyState
          icon={<IconSchool size={28} aria-hidden />}
          withIndicatorBackground
          title={t('mentors.view.emptyTitle')}
          description={t('mentors.view.emptyBody')}
          data-testid="mentors-empty"
        >
          <EmptyState.Actions>
            <Button
              leftSection={<IconTable size={16} aria-hidden />}
              onClick={() => navigate(routeHref('pipeline'))}
            >
              {t('mentors.view.emptyAction')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {periodEmpty && (
        <EmptyState
          icon={<IconMoodEmpty size={28} aria-hidden />}
          withIndicatorBackground
          title={t('mentors.view.periodEmptyTitle')}
          description={t('mentors.view.periodEmptyBody')}
          data-testid="mentors-period-empty"
        />
      )}
      {report && !nothing && scope && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('mentors.intro')}
          </Text>
          <section aria-labelledby="mentors-headline" data-testid="mentors-lift">
            <Title order={2} size="h3" id="mentors-headline" mb="sm">
              {t('mentors.view.headline')}
            </Title>
            <LiftPanel lift={report.lift} />
          </section>
          <Panel title={t('mentors.view.mentorsTable')}>
            <MentorsTable
              summaries={report.summaries}
              current={mentor}
              onShowDeals={(m) => setParams({ mentor: m === mentor ? null : m })}
            />
          </Panel>
          {mentor && (
            <MentorDeals
              scope={scope}
              mentor={mentor}
              labels={labels}
              onClose={() => setParams({ mentor: null })}
              onOpen={(d) => setOpenDeal({ id: d.dealId, name: d.name, owner: d.owner, amount: d.amount })}
            />
          )}
          {report.summaries.some((s) => s.quarters.length > 0) && (
            <Panel title={t('mentors.view.quartersTable')}>
              <QuartersTable summaries={report.summaries} />
            </Panel>
          )}
        </Stack>
      )}
      <DealDrawer preview={openDeal} onClose={() => setOpenDeal(null)} labels={labels} />
    </ViewFrame>
  );
}
