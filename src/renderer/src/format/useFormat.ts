import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTER } from '@shared/time';
import { useWorkspace } from '../workspace/useWorkspace';
import { formatDay, formatLocalDateTime } from './dates';
import { formatCount, formatMoney, formatMoneyCompact } from './money';

/** Formatting bound to the UI language and the workspace currency. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const currency = useWorkspace().data?.currency ?? '';
  return useMemo(
    () => ({
      language,
      money: (n: number) => (currency ? formatMoney(n, language, currency) : formatCount(n, language)),
      moneyCompact: (n: number) =>
        currency ? formatMoneyCompact(n, language, currency) : formatCount(n, language),
      count: (n: number) => formatCount(n, language),
      day: (text: string | null | undefined) => formatDay(text, language),
      localDateTime: (text: string) => formatLocalDateTime(text, language),
      quarter: (q: string) => {
        const m = QUARTER.exec(q);
        return m ? t('filters.quarter', { year: m[1]!, quarter: m[2]! }) : q;
      },
    }),
    [language, currency, t],
  );
}
