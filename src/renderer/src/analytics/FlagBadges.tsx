import { Badge, Group } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionDealRow } from '@shared/contract';
import type { AttentionFlag } from '@shared/domain/attention';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';

/**
 * The colour repeats the word, never replaces it: each badge reads the flag's name. Only
 * hues whose light badges keep AA contrast in both themes (yellow and orange do not).
 */
const COLOR: Record<AttentionFlag, string> = {
  stalled: 'red',
  inactive: 'violet',
  overdue: 'grape',
  pushed: 'indigo',
  shrunk: 'pink',
  noNextStep: 'gray',
};

export function FlagBadges({
  flags,
  reasons,
}: {
  flags: readonly AttentionFlag[];
  reasons?: Partial<Record<AttentionFlag, string>>;
}) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  return (
    <Group gap={4} wrap="wrap">
      {flags.map((f) => (
        <Badge
          key={f}
          size="sm"
          variant="light"
          color={COLOR[f]}
          tt="none"
          radius="sm"
          title={reasons?.[f]}
          data-flag={f}
        >
          {reasons?.[f] ?? t(`flags.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** What a flag's reason is told from: an attention row, or a review's deal card. */
export type FlagFacts = Pick<
  AttentionDealRow,
  | 'stage'
  | 'daysInStage'
  | 'dwellLimitDays'
  | 'daysSinceActivity'
  | 'followupDays'
  | 'closeDate'
  | 'pushCount'
>;

/** Each flag's reason in words ("报价比选 12 天 > 7 天"), from the same facts the rule used. */
export function useFlagReasons(): (d: FlagFacts) => Partial<Record<AttentionFlag, string>> {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  return useCallback(
    (d: FlagFacts) => {
      const d0 = (v: number) => String(Math.floor(v));
      return {
        stalled: t('flags.reason.stalled', {
          stage: labels.stage(d.stage),
          days: d0(d.daysInStage),
          limit: d.dwellLimitDays ?? '—',
        }),
        inactive: t('flags.reason.inactive', {
          days: d0(d.daysSinceActivity ?? 0),
          limit: d.followupDays ?? '—',
        }),
        overdue: t('flags.reason.overdue', { date: format.day(d.closeDate) }),
        pushed: t('flags.reason.pushed', { count: d.pushCount }),
        shrunk: t('flags.reason.shrunk'),
        noNextStep: t('flags.reason.noNextStep'),
      };
    },
    [t, format, labels],
  );
}
