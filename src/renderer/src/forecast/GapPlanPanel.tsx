import { Grid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ForecastReport } from '@shared/contract';
import { FORECAST_CATEGORIES } from '@shared/domain/stages';
import { Panel } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { NONE, NUMERIC, oneDecimal, percent, times } from './numbers';

/**
 * What covers the gap and what it takes: the open deals due in the quarter by forecast
 * category against the gap (coverage), and the gap plan — per open stage, the pipeline
 * and the number of deals that stage would have to hold now to close the gap at its
 * historical win rate h(s), with where h(s) came from.
 */
export function GapPlanPanel({ report }: { report: ForecastReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const labels = useLabels(useFacets().data);
  const categories = FORECAST_CATEGORIES.filter((c) => c !== 'closed');
  const rate = new Map(report.winRates.map((r) => [r.stage, r]));
  const gap = report.gap;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Panel title={t('forecastView.coverage.title')} testId="forecast-coverage-panel">
          <Text mb="sm" data-testid="forecast-coverage-sentence">
            {report.coverage !== null && gap !== null
              ? t('forecastView.coverage.sentence', {
                  open: format.money(report.openAmount),
                  gap: format.money(gap),
                  coverage: times(report.coverage, lang),
                })
              : gap !== null && gap <= 0
                ? t('forecastView.coverage.reached')
                : t('forecastView.coverage.noQuota', { open: format.money(report.openAmount) })}
          </Text>
          <Table striped aria-label={t('forecastView.coverage.table')} data-testid="forecast-categories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('forecastView.coverage.category')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('forecastView.coverage.open')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('forecastView.coverage.ofGap')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((c) => {
                const amount = report.openByCategory[c] ?? 0;
                return (
                  <Table.Tr key={c} data-testid="forecast-category" data-category={c}>
                    <Table.Th scope="row">{labels.forecast(c)}</Table.Th>
                    <Table.Td ta="right" style={NUMERIC}>
                      {format.money(amount)}
                    </Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>
                      {gap !== null && gap > 0 ? percent(amount / gap, lang) : NONE}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Panel>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Panel title={t('forecastView.gapPlan.title')} testId="forecast-gap-plan">
          {report.gapPlan.length === 0 ? (
            <Text data-testid="forecast-gap-plan-empty">
              {report.quota === null ? t('forecastView.gapPlan.noQuota') : t('forecastView.gapPlan.noGap')}
            </Text>
          ) : (
            <>
              <Text mb="sm">
                {t('forecastView.gapPlan.sentence', {
                  gap: format.money(gap ?? 0),
                  mean: report.meanWonAmount === null ? NONE : format.money(report.meanWonAmount),
                })}
              </Text>
              <Table.ScrollContainer minWidth={620}>
                <Table striped aria-label={t('forecastView.gapPlan.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('forecastView.gapPlan.stage')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('forecastView.gapPlan.amount')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('forecastView.gapPlan.deals')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('forecastView.gapPlan.winRate')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.gapPlan.map((g) => {
                      const r = rate.get(g.stage);
                      return (
                        <Table.Tr key={g.stage} data-testid="forecast-gap-stage" data-stage={g.stage}>
                          <Table.Th scope="row">{labels.stage(g.stage)}</Table.Th>
                          <Table.Td ta="right" style={NUMERIC}>
                            {g.amount === null ? NONE : format.money(g.amount)}
                          </Table.Td>
                          <Table.Td ta="right" style={NUMERIC}>
                            {oneDecimal(g.deals, lang)}
                          </Table.Td>
                          <Table.Td ta="right" style={NUMERIC}>
                            {r
                              ? t(
                                  r.source === 'history'
                                    ? 'forecastView.gapPlan.fromHistory'
                                    : 'forecastView.gapPlan.fromProbability',
                                  { rate: percent(r.h, lang), won: r.won, closed: r.closed },
                                )
                              : NONE}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Panel>
      </Grid.Col>
    </Grid>
  );
}
