import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ForecastRange, ForecastReport, ModelForecast } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { NONE, NUMERIC, percent } from './numbers';

export const QUARTER_METHODS = [
  'commit',
  'bestCase',
  'pipeline',
  'weighted',
  'historical',
  'model',
  'simulation',
] as const;
export type QuarterMethod = (typeof QUARTER_METHODS)[number];

/**
 * The quarter by every method, each with how it is counted, so nobody compares a ceiling
 * with a forecast: the report's commit, best case, pipeline, weighted (open deals only, as
 * PRODUCT.md defines it) and historical figures exactly as `funnel report forecast` gives
 * them, the win model's expected amount, and the simulation's P50 with its P10–P90 range.
 */
export function MethodsTable({
  report,
  range,
  model,
}: {
  report: ForecastReport;
  range: ForecastRange | undefined;
  model: ModelForecast | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const won = format.money(report.wonAmount);

  const figure = (m: QuarterMethod): number | null | undefined => {
    switch (m) {
      case 'model':
        return model === undefined ? undefined : model.expected;
      case 'simulation':
        return range?.p50;
      default:
        return report[m];
    }
  };
  const detail = (m: QuarterMethod): string | null => {
    if (m === 'weighted')
      return t('forecastView.methods.weightedWithWon', {
        won,
        total: format.money(report.wonAmount + report.weighted),
      });
    if (m === 'simulation' && range)
      return t('forecastView.methods.rangeDetail', {
        p10: format.money(range.p10),
        p90: format.money(range.p90),
      });
    if (m === 'model' && model?.status === 'notEnoughHistory')
      return t('forecastView.methods.modelNotEnough');
    return null;
  };
  // A share of the quota only for the figures that forecast the whole quarter.
  const ofQuota = (m: QuarterMethod, v: number | null | undefined) =>
    m === 'weighted' || v === null || v === undefined || !report.quota
      ? NONE
      : percent(v / report.quota, lang);

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        striped
        verticalSpacing="sm"
        aria-label={t('forecastView.methods.title', { quarter: format.quarter(report.quarter) })}
        data-testid="forecast-methods"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('forecastView.methods.method')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.methods.figure')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.methods.ofQuota')}
            </Table.Th>
            <Table.Th scope="col">{t('forecastView.methods.how')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {QUARTER_METHODS.map((m) => {
            const v = figure(m);
            const more = detail(m);
            return (
              <Table.Tr key={m} data-testid="forecast-method" data-method={m}>
                <Table.Th scope="row">{t(`forecastView.methods.names.${m}`)}</Table.Th>
                <Table.Td ta="right" style={NUMERIC}>
                  <Text fw={700} span data-testid={`forecast-figure-${m}`}>
                    {v === undefined ? '…' : v === null ? NONE : format.money(v)}
                  </Text>
                  {more && (
                    <Text size="sm" c="dimmed" data-testid={`forecast-detail-${m}`}>
                      {more}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {ofQuota(m, v)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`forecastView.methods.hows.${m}`)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
