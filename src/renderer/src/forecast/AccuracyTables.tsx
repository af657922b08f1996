import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccuracyMethod, ErrorSummary, ForecastAccuracy } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { NONE, NUMERIC, percent, signedPercent } from './numbers';

/** "12.3% (bias −4.1%)": a method's error and on which side it errs; a dash without points. */
function useErrorText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (e: ErrorSummary | null) =>
    e === null || e.mape === null
      ? NONE
      : t('forecastView.accuracy.errorCell', {
          mape: percent(e.mape, lang),
          bias: signedPercent(e.bias, lang),
        });
}

/**
 * Per method: MAPE and bias over every replayed point, MAPE at each checkpoint, and the
 * same measures over what the stored snapshots said at the time. The most accurate method
 * overall is marked in words, not by colour.
 */
export function MethodAccuracyTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const best = bestMethod(accuracy);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={t('forecastView.accuracy.methodsTable')} data-testid="accuracy-methods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('forecastView.accuracy.method')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.accuracy.mape')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.accuracy.bias')}
            </Table.Th>
            {accuracy.weeksBefore.map((w) => (
              <Table.Th key={w} scope="col" ta="right">
                {t('forecastView.accuracy.weeksBefore', { count: w })}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('forecastView.accuracy.recorded')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.accuracy.points')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accuracy.accuracy.map((m) => (
            <Table.Tr key={m.method} data-testid="accuracy-method" data-method={m.method}>
              <Table.Th scope="row">
                {t(`forecastView.accuracy.methods.${m.method}`)}
                {m.method === best && (
                  <Text span size="sm" fw={400} c="dimmed" ml={6}>
                    {t('forecastView.accuracy.best')}
                  </Text>
                )}
              </Table.Th>
              <Table.Td ta="right" style={NUMERIC} data-testid="accuracy-mape">
                {percent(m.mape, lang)}
              </Table.Td>
              <Table.Td ta="right" style={NUMERIC} data-testid="accuracy-bias">
                {signedPercent(m.bias, lang)}
              </Table.Td>
              {m.byWeeks.map((b) => (
                <Table.Td key={b.weeksBefore} ta="right" style={NUMERIC}>
                  {percent(b.mape, lang)}
                </Table.Td>
              ))}
              <Table.Td ta="right" style={NUMERIC}>
                {errorText(m.recorded)}
              </Table.Td>
              <Table.Td ta="right" style={NUMERIC}>
                {m.n}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The method with the lowest MAPE over every point (null when none has one). */
export function bestMethod(accuracy: ForecastAccuracy): AccuracyMethod | null {
  let best: { method: AccuracyMethod; mape: number } | null = null;
  for (const m of accuracy.accuracy)
    if (m.mape !== null && (best === null || m.mape < best.mape)) best = { method: m.method, mape: m.mape };
  return best?.method ?? null;
}

/**
 * Each rep of the scope, the largest won amount over the replayed quarters first, with each
 * method's error for them.
 */
export function RepAccuracyTable({ accuracy }: { accuracy: ForecastAccuracy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped aria-label={t('forecastView.accuracy.repsTable')} data-testid="accuracy-reps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('forecastView.accuracy.rep')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('forecastView.accuracy.repWon')}
            </Table.Th>
            {accuracy.methods.map((m) => (
              <Table.Th key={m} scope="col" ta="right">
                {t(`forecastView.accuracy.methods.${m}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...accuracy.reps]
            .sort((a, b) => b.actual - a.actual || a.owner.localeCompare(b.owner))
            .map((r) => (
              <Table.Tr key={r.owner} data-testid="accuracy-rep" data-owner={r.owner}>
                <Table.Th scope="row">{r.owner}</Table.Th>
                <Table.Td ta="right" style={NUMERIC}>
                  {format.money(r.actual)}
                </Table.Td>
                {accuracy.methods.map((m) => (
                  <Table.Td key={m} ta="right" style={NUMERIC}>
                    {errorText(r.methods.find((x) => x.method === m) ?? null)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
