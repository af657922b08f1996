import { List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CoverageGap } from '@shared/contract';

/** A coverage gap in words: who is missing, by name when the contact is known. */
export function useGapText() {
  const { t } = useTranslation();
  return (gap: CoverageGap) => t(`plans.gaps.${gap.kind}`, { name: gap.contactName ?? '' });
}

/** The buying centre's holes at the deal's stage, each with a warning icon and in words. */
export function CoverageGaps({ gaps, testId = 'coverage-gaps' }: { gaps: CoverageGap[]; testId?: string }) {
  const { t } = useTranslation();
  const text = useGapText();
  if (gaps.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-count={0}>
        {t('plans.centre.noGaps')}
      </Text>
    );
  return (
    <List
      size="sm"
      spacing={4}
      icon={<IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-orange-text)" />}
      data-testid={testId}
      data-count={gaps.length}
    >
      {gaps.map((g) => (
        <List.Item key={`${g.kind}:${g.contactId ?? ''}`} data-gap={g.kind}>
          {text(g)}
        </List.Item>
      ))}
    </List>
  );
}
