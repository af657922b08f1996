import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { NUMERIC } from '../numbers';

/** One headline figure: what it is, the figure large enough for a projector, and how it is counted. */
export function FigureTile({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text fz={26} fw={700} lh={1.15} style={NUMERIC} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
