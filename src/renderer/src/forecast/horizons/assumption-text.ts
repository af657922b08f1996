import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssumptionUnit } from '@shared/contract';
import { useFormat } from '../../format/useFormat';
import { percent, signedPercent } from '../numbers';

const decimals = new Map<string, Intl.NumberFormat>();
function number(language: string, digits: number, signed: boolean, value: number): string {
  const key = `${language}|${digits}|${signed}`;
  let f = decimals.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    decimals.set(key, f);
  }
  return f.format(value);
}

/**
 * An assumption's value in words, in the UI language: 25.4%, 683.0 a month, CN¥336,861,
 * 53 days, +6.0% a quarter, −0.19 points a quarter (a trend always with its sign).
 */
export function useAssumptionText(): (unit: AssumptionUnit, value: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  return useMemo(
    () => (unit: AssumptionUnit, value: number) => {
      switch (unit) {
        case 'share':
          return percent(value, lang);
        case 'money':
          return format.money(Math.round(value));
        case 'dealsPerMonth':
          return t('horizons.assumptions.values.dealsPerMonth', { value: number(lang, 1, false, value) });
        case 'days':
          return t('horizons.assumptions.values.days', { value: number(lang, 0, false, value) });
        case 'growthPerQuarter':
          return t('horizons.assumptions.values.growthPerQuarter', { value: signedPercent(value, lang) });
        case 'pointsPerQuarter':
          return t('horizons.assumptions.values.pointsPerQuarter', {
            value: number(lang, 2, true, value * 100),
          });
      }
    },
    [t, format, lang],
  );
}
