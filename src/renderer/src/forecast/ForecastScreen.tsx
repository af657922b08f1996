import { Group, Select, Tabs } from '@mantine/core';
import {
  IconArrowBackUpDouble,
  IconCalendarStats,
  IconTarget,
  IconTargetArrow,
  IconTimeline,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOf, dayStart, DAY_MS, quarterRange } from '@shared/time';
import { AnalyticsFilters } from '../analytics/AnalyticsFilters';
import { useSharedFilters } from '../analytics/useSharedFilters';
import { ViewFrame } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { AccuracyTab } from './AccuracyTab';
import { ExportDeckButton } from './ExportDeckButton';
import {
  asOfDayOf,
  forecastInputs,
  quarterChoices,
  readQuarter,
  readTab,
  type ForecastTab,
} from './forecast-scope';
import { HorizonsTab } from './horizons/HorizonsTab';
import { QuarterTab } from './QuarterTab';
import { QuotasTab } from './QuotasTab';
import { WorkbackTab } from './WorkbackTab';

/**
 * Forecast (预测): the quarter by every method with its simulated range, coverage and gap
 * plan, stored snapshots; how accurate each method has been in past quarters, with the win
 * model's calibration; the quotas behind it all; and the quarterly deck in one click. The
 * scope (as-of, team, rep) is the analytics views' shared filters; the quarter and the tab
 * are this view's own URL parameters, so a bookmark reopens exactly this.
 */
export function ForecastScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, scope, set, params, setParams } = useSharedFilters();
  const asOfDay = scope ? asOfDayOf(scope.asOf) : null;
  const quarter = asOfDay ? readQuarter(params, asOfDay) : null;
  const tab = readTab(params);
  const inputs = useMemo(() => (scope && quarter ? forecastInputs(scope, quarter) : null), [scope, quarter]);
  const choices = useMemo(
    () => (asOfDay && quarter ? quarterChoices(asOfDay, quarter) : []),
    [asOfDay, quarter],
  );
  const range = quarter ? quarterRange(quarter) : null;
  const setTab = (next: ForecastTab) => setParams({ tab: next === 'quarter' ? null : next });
  // The horizons run from the as-of day and the backtest covers the quarters before it:
  // a quarter picker there would change nothing on screen but the deck's quarter.
  const quarterPicked = tab !== 'horizons' && tab !== 'accuracy';

  return (
    <ViewFrame
      title={t('forecastView.title')}
      subtitle={
        quarter && range && asOfDay
          ? t('forecastView.subtitle', {
              quarter: format.quarter(quarter),
              from: format.day(range.start),
              to: format.day(dayOf(dayStart(range.end) - DAY_MS)),
              asOf: format.day(asOfDay),
            })
          : undefined
      }
      filters={
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <AnalyticsFilters filters={filters} set={set} hidePeriod hideProduct />
            {quarterPicked && (
              <Select
                label={t('forecastView.quarter')}
                data={choices.map((q) => ({ value: q, label: format.quarter(q) }))}
                value={quarter}
                onChange={(v) => setParams({ quarter: v })}
                allowDeselect={false}
                w={170}
                data-testid="forecast-quarter"
              />
            )}
          </Group>
          <ExportDeckButton scope={inputs?.deck ?? null} />
        </Group>
      }
      testId="view-forecast"
    >
      <Tabs
        value={tab}
        onChange={(v) => setTab(readTab(new URLSearchParams({ tab: v ?? '' })))}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('forecastView.tabs.label')}>
          <Tabs.Tab
            value="quarter"
            leftSection={<IconCalendarStats size={16} aria-hidden />}
            data-testid="forecast-tab-quarter"
          >
            {t('forecastView.tabs.quarter')}
          </Tabs.Tab>
          <Tabs.Tab
            value="horizons"
            leftSection={<IconTimeline size={16} aria-hidden />}
            data-testid="forecast-tab-horizons"
          >
            {t('horizons.tab')}
          </Tabs.Tab>
          <Tabs.Tab
            value="workback"
            leftSection={<IconArrowBackUpDouble size={16} aria-hidden />}
            data-testid="forecast-tab-workback"
          >
            {t('forecastView.tabs.workback')}
          </Tabs.Tab>
          <Tabs.Tab
            value="accuracy"
            leftSection={<IconTargetArrow size={16} aria-hidden />}
            data-testid="forecast-tab-accuracy"
          >
            {t('forecastView.tabs.accuracy')}
          </Tabs.Tab>
          <Tabs.Tab
            value="quotas"
            leftSection={<IconTarget size={16} aria-hidden />}
            data-testid="forecast-tab-quotas"
          >
            {t('forecastView.tabs.quotas')}
          </Tabs.Tab>
        </Tabs.List>
        {inputs && (
          <>
            <Tabs.Panel value="quarter" pt="md">
              <QuarterTab inputs={inputs} onSetQuota={() => setTab('quotas')} />
            </Tabs.Panel>
            <Tabs.Panel value="horizons" pt="md">
              <HorizonsTab inputs={inputs} />
            </Tabs.Panel>
            <Tabs.Panel value="workback" pt="md">
              <WorkbackTab
                inputs={inputs}
                onSetQuota={() => setTab('quotas')}
                onNarrow={(row) => set({ team: row.team, owner: row.owner })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="accuracy" pt="md">
              <AccuracyTab inputs={inputs} />
            </Tabs.Panel>
            <Tabs.Panel value="quotas" pt="md">
              <QuotasTab
                key={inputs.forecast.quarter}
                quarter={inputs.forecast.quarter}
                scope={inputs.snapshot}
              />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </ViewFrame>
  );
}
