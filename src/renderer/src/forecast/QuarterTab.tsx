import { EmptyState, Stack } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Panel, ReportState } from '../analytics/ViewFrame';
import { useReport } from '../analytics/useReport';
import { useFormat } from '../format/useFormat';
import type { ForecastInputs } from './forecast-scope';
import { GapPlanPanel } from './GapPlanPanel';
import { MethodsTable } from './MethodsTable';
import { QuarterHeadline } from './QuarterHeadline';
import { RangePanel } from './RangePanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import { useForecastRange, useModelForecast } from './useForecast';

/**
 * The quarter: the headline figures, every method side by side with the simulated range,
 * the range's histogram, coverage and the gap plan, and the stored snapshots. A quarter
 * with nothing won and nothing open due says so instead of a page of zeros.
 */
export function QuarterTab({ inputs, onSetQuota }: { inputs: ForecastInputs; onSetQuota?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const forecast = useReport('report.forecast', inputs.forecast);
  const range = useForecastRange(inputs.forecast);
  const model = useModelForecast(inputs.forecast);
  const report = forecast.data;
  // While another scope or quarter is computed, its figures are not mixed with the last ones.
  const rangeNow = range.isPlaceholderData ? undefined : range.data;
  const modelNow = model.isPlaceholderData ? undefined : model.data;
  const empty = report !== undefined && report.openDeals === 0 && report.wonAmount === 0;

  return (
    <Stack gap="md">
      <ReportState error={forecast.error} loading={forecast.isLoading} />
      {report && empty && (
        <EmptyState
          icon={<IconCalendarOff size={28} aria-hidden />}
          withIndicatorBackground
          title={t('forecastView.empty.title', { quarter: format.quarter(report.quarter) })}
          description={t('forecastView.empty.body')}
          data-testid="forecast-empty"
        />
      )}
      {report && (
        <>
          <QuarterHeadline report={report} range={rangeNow} onSetQuota={onSetQuota} />
          {!empty && (
            <>
              <Panel
                title={t('forecastView.methods.title', { quarter: format.quarter(report.quarter) })}
                testId="forecast-methods-panel"
              >
                <MethodsTable report={report} range={rangeNow} model={modelNow} />
              </Panel>
              <ReportState error={range.error} loading={false} />
              {range.data && <RangePanel range={range.data} quota={report.quota} />}
              <GapPlanPanel report={report} />
            </>
          )}
        </>
      )}
      <SnapshotsPanel scope={inputs.snapshot} quarter={inputs.forecast.quarter} />
    </Stack>
  );
}
