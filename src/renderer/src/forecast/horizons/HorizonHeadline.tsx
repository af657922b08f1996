import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '@shared/charts/horizons';
import type { HorizonForecast } from '@shared/contract';
import { useFormat } from '../../format/useFormat';
import { FigureTile } from './FigureTile';

/**
 * The horizon at a glance: the expected won amount over all its periods with its likely
 * range (a range, never a bare number), and what it is made of — won already, the open
 * pipeline, pipeline still to be created.
 */
export function HorizonHeadline({ forecast, runs }: { forecast: HorizonForecast; runs: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language.startsWith('zh') ? 'zh-CN' : 'en';
  const { total, periods } = forecast;
  const money = (v: number) => format.money(Math.round(v));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" data-testid="horizon-headline">
      <FigureTile
        label={t('horizons.headline.expected', { horizon: t(`horizons.horizons.${forecast.horizon}`) })}
        value={money(total.expected)}
        note={t('horizons.headline.expectedNote', {
          from: periodLabel(periods[0]!.period, lang),
          to: periodLabel(periods.at(-1)!.period, lang),
          granularity: t(`horizons.granularity.${forecast.granularity}`),
        })}
        testId="horizon-expected"
      />
      <FigureTile
        label={t('horizons.headline.range')}
        value={t('horizons.headline.rangeValue', {
          p10: format.moneyCompact(total.p10),
          p90: format.moneyCompact(total.p90),
        })}
        note={t('horizons.headline.rangeNote', {
          p50: format.moneyCompact(total.p50),
          runs: format.count(runs),
        })}
        testId="horizon-range"
      />
      <FigureTile
        label={t('horizons.headline.won')}
        value={money(total.wonSoFar)}
        note={t('horizons.headline.wonNote')}
        testId="horizon-won"
      />
      <FigureTile
        label={t('horizons.headline.open')}
        value={money(total.fromOpen)}
        note={t('horizons.headline.openNote')}
        testId="horizon-open"
      />
      <FigureTile
        label={t('horizons.headline.fresh')}
        value={money(total.fromNew)}
        note={t('horizons.headline.freshNote')}
        testId="horizon-new"
      />
    </SimpleGrid>
  );
}
