import { Alert, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconMoodEmpty } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';

/** A view's heading, its filters and its body, with one way of saying "computing", "failed" and "nothing here". */
export function ViewFrame({
  title,
  subtitle,
  filters,
  children,
  testId,
}: {
  title: string;
  subtitle?: string;
  filters: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Stack gap="md" className="funnel-screen" data-testid={testId}>
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm" aria-live="polite" data-testid="view-subtitle">
            {subtitle}
          </Text>
        )}
      </Group>
      {filters}
      {children}
    </Stack>
  );
}

export function ReportState({ error, loading }: { error: unknown; loading: boolean }) {
  const { t, i18n } = useTranslation();
  if (error)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('analytics.loadError', { message: errorText(error, i18n.language) })}
      />
    );
  if (loading)
    return (
      <Group gap="xs" c="dimmed">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('analytics.loading')}</Text>
      </Group>
    );
  return null;
}

export function EmptyPeriod() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMoodEmpty size={28} aria-hidden />}
      withIndicatorBackground
      title={t('analytics.emptyTitle')}
      description={t('analytics.emptyBody')}
      data-testid="analytics-empty"
    />
  );
}

/** A titled card holding one chart (and often its table). */
export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId} component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
