import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDatabaseImport, IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Says plainly that the numbers are invented, with the way out one click away. */
export function DemoBanner({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconFlask aria-hidden />}
      title={t('demo.title')}
      // A standing banner, not an alert: a labelled region (by its title) that screen
      // readers can jump to, without being announced on every render.
      role="region"
      data-testid="demo-banner"
      mb="sm"
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Text size="sm">{t('demo.body')}</Text>
        <Button
          leftSection={<IconDatabaseImport size={16} aria-hidden />}
          onClick={onImport}
          style={{ flexShrink: 0 }}
        >
          {t('header.importReal')}
        </Button>
      </Group>
    </Alert>
  );
}
