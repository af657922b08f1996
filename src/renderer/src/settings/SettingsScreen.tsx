import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';
import { CompanyLogoField } from './CompanyLogoField';
import { CompanyNameForm } from './CompanyNameForm';
import { useCompany } from './useCompany';

/**
 * Settings (设置): what the workspace keeps about itself, carried with its file. Today the
 * company it belongs to, which the quarterly deck names and shows; the person's own choices
 * (language, theme) stay in the header's switches.
 */
export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  return (
    <Stack gap="md" maw={880} data-testid="view-settings">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Text c="dimmed">{t('settings.intro')}</Text>
      <Paper
        withBorder
        p="lg"
        radius="md"
        component="section"
        aria-labelledby="settings-company"
        data-testid="settings-company"
      >
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="settings-company">
              {t('settings.company.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('settings.company.hint')}
            </Text>
          </div>
          {company.error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
              {t('settings.company.loadError', { message: errorText(company.error, i18n.language) })}
            </Alert>
          )}
          {company.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {company.data && (
            <>
              <CompanyNameForm saved={company.data.name} />
              <CompanyLogoField logo={company.data.logo} />
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
