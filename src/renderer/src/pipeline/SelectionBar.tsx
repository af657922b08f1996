import { Button, Group, Paper, Text } from '@mantine/core';
import { IconUserPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The bulk actions over the checked deals, with their count; shown only while something is
 * checked. The keys are spelled out here, where someone selecting will look for them.
 */
export function SelectionBar({
  count,
  onClear,
  onTagMentor,
}: {
  count: number;
  onClear: () => void;
  onTagMentor: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="sm"
      bg="var(--mantine-primary-color-light)"
      data-testid="selection-bar"
      role="region"
      aria-label={t('mentors.selection.count', { count })}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Text size="sm" fw={600} aria-live="polite" data-testid="selection-count">
            {t('mentors.selection.count', { count })}
          </Text>
          <Text size="xs" truncate="end">
            {t('mentors.selection.keys')}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            leftSection={<IconUserPlus size={14} aria-hidden />}
            onClick={onTagMentor}
            data-testid="bulk-tag-mentor"
          >
            {t('mentors.selection.tag')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={onClear}
            data-testid="selection-clear"
          >
            {t('mentors.selection.clear')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
