import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText, type ApiError } from '../api/errors';

/**
 * The workspace file is missing, damaged, from a newer build or from a pre-release one. Nothing else can work,
 * so the screen says so; the backend's message names the file and any backup it made.
 */
export function WorkspaceProblem({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" maw={720} data-testid="workspace-problem">
      <Title order={1} size="h2">
        {t('errors.workspaceTitle')}
      </Title>
      <Alert color="red" variant="light" icon={<IconDatabaseExclamation aria-hidden />}>
        <Text size="sm">{errorText(error, i18n.language)}</Text>
      </Alert>
      <Text size="sm">{t(`errors.workspaceHint.${hintFor(error.code)}`)}</Text>
    </Stack>
  );
}

const HINTS: Record<string, 'newer' | 'corrupt' | 'prerelease'> = {
  workspace_from_newer_build: 'newer',
  workspace_corrupt: 'corrupt',
  workspace_prerelease: 'prerelease',
};
const hintFor = (code: string) => HINTS[code] ?? 'missing';
