import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '@shared/charts/horizons';
import type { HorizonFigures, HorizonForecast } from '@shared/contract';
import { useFormat } from '../../format/useFormat';
import { NUMERIC } from '../numbers';

/**
 * The horizon's periods as figures: each period's expected won amount, its P10–P90 range and
 * what the expected amount is made of, with the horizon's total (whose range is of the runs'
 * totals, not the sum of the periods' ranges) at the foot.
 */
export function PeriodsTable({ forecast }: { forecast: HorizonForecast }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language.startsWith('zh') ? 'zh-CN' : 'en';
  const money = (v: number) => format.money(Math.round(v));
  const cells = (f: HorizonFigures) => (
    <>
      <Table.Td ta="right" style={NUMERIC} fw={600} data-testid="horizon-cell-expected">
        {money(f.expected)}
      </Table.Td>
      <Table.Td ta="right" style={NUMERIC} data-testid="horizon-cell-range">
        {t('horizons.table.rangeCell', { p10: money(f.p10), p90: money(f.p90) })}
      </Table.Td>
      <Table.Td ta="right" style={NUMERIC} data-testid="horizon-cell-won">
        {money(f.wonSoFar)}
      </Table.Td>
      <Table.Td ta="right" style={NUMERIC} data-testid="horizon-cell-open">
        {money(f.fromOpen)}
      </Table.Td>
      <Table.Td ta="right" style={NUMERIC} data-testid="horizon-cell-new">
        {money(f.fromNew)}
      </Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={t('horizons.table.label')} data-testid="horizon-periods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('horizons.table.period')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('horizons.table.expected')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('horizons.table.range')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('horizons.table.won')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('horizons.table.open')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('horizons.table.fresh')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forecast.periods.map((p) => (
            <Table.Tr key={p.period} data-testid="horizon-period" data-period={p.period}>
              <Table.Th scope="row">{periodLabel(p.period, lang)}</Table.Th>
              {cells(p)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="horizon-total">
            <Table.Th scope="row">{t('horizons.table.total')}</Table.Th>
            {cells(forecast.total)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
