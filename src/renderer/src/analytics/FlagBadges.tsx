import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttentionFlag } from '@shared/domain/attention';

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
