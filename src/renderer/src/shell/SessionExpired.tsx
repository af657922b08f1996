import { Center, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';

/**
 * Browser mode only: the access cookie is missing or expired (401). Nothing else on the
 * page can work, so the whole screen says what happened and the one thing to do.
 */
export function SessionExpired() {
  const { t } = useTranslation();
  return (
    <main>
      <Center mih="100dvh" p="xl">
        <Paper withBorder shadow="sm" p="xl" maw={560} data-testid="session-expired">
          <Stack gap="md">
            <ThemeIcon size={48} radius="xl" variant="light" color="orange" aria-hidden>
              <IconLock size={28} />
            </ThemeIcon>
            <Title order={1} size="h2">
              {t('session.title')}
            </Title>
            <Text>{t('session.body')}</Text>
            <Text fw={600}>
              <Trans i18nKey="session.action" components={{ code: <Code fz="sm" /> }} />
            </Text>
          </Stack>
        </Paper>
      </Center>
    </main>
  );
}
