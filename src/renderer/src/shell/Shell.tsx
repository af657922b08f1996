import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartFunnel, IconDatabaseImport, IconFlask } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiProvider';
import { ApiError } from '../api/errors';
import { ExportMenu } from '../export/ExportMenu';
import { ImportDialog } from '../import/ImportDialog';
import type { usePreferences } from '../preferences/usePreferences';
import { useWorkspace } from '../workspace/useWorkspace';
import { sharedParams } from '../analytics/scope';
import { AREAS } from './areas';
import { AudienceScreen } from '../review/Audience';
import { PresenterScreen } from '../review/Presenter';
import { projectorView } from '../review/ReviewScreen';
import { navigate, routeHref, useRoute } from './route';
import { DemoBanner } from './DemoBanner';
import { LastSynced } from '../sources/LastSynced';
import { LanguageSwitch, ThemeSwitch } from './Switches';
import { WorkspaceProblem } from './WorkspaceProblem';

export function Shell({ preferences }: { preferences: ReturnType<typeof usePreferences> }) {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const route = useRoute();
  const [importOpen, setImportOpen] = useState(false);
  const workspace = useWorkspace();
  const isDemo = workspace.data?.isDemo ?? false;
  const workspaceProblem =
    workspace.error instanceof ApiError && workspace.error.code.startsWith('workspace_')
      ? workspace.error
      : null;
  const area = AREAS.find((a) => a.id === route.area) ?? AREAS[0]!;
  const [exportOpen, setExportOpen] = useState(false);
  const api = useApi();

  // The desktop app's native menu (File ▸ Import…, File ▸ Export) lands here.
  useEffect(
    () =>
      api.on('menu.command', ({ command }) => {
        if (command === 'import') setImportOpen(true);
        if (command === 'export') setExportOpen(true);
      }),
    [api],
  );

  // The review's presenter and audience views take the whole screen.
  const projector = projectorView(route.area, route.params);
  if (projector && !workspaceProblem)
    return projector.view === 'run' ? (
      <PresenterScreen key={projector.id} id={projector.id} />
    ) : (
      <AudienceScreen key={projector.id} id={projector.id} />
    );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 208, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNav')}
            />
            <IconChartFunnel size={26} stroke={1.6} aria-hidden className="funnel-logo" />
            <Text fw={700} size="lg" data-testid="product-name">
              {t('app.name')}
            </Text>
            {isDemo && (
              <Tooltip label={t('demo.title')}>
                <Badge
                  color="yellow"
                  variant="filled"
                  leftSection={<IconFlask size={14} aria-hidden />}
                  data-testid="demo-badge"
                  className="funnel-demo-badge"
                >
                  {t('header.demoBadge')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LastSynced />
            <Button
              variant={isDemo ? 'filled' : 'default'}
              leftSection={<IconDatabaseImport size={16} aria-hidden />}
              onClick={() => setImportOpen(true)}
              data-testid="import-open"
            >
              {isDemo ? t('header.importReal') : t('header.import')}
            </Button>
            <ExportMenu opened={exportOpen} onChange={setExportOpen} />
            <LanguageSwitch language={preferences.language} onChange={preferences.setLanguage} />
            <ThemeSwitch theme={preferences.theme} onChange={preferences.setTheme} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {AREAS.map((a) => (
          <NavLink
            key={a.id}
            component="button"
            label={t(a.label)}
            leftSection={<a.icon size={18} stroke={1.6} aria-hidden />}
            active={a.id === area.id}
            c={a.id === area.id ? 'var(--funnel-nav-active)' : undefined}
            aria-current={a.id === area.id ? 'page' : undefined}
            onClick={() => {
              // The views share their filters: moving between them keeps the period and scope.
              navigate(routeHref(a.id, sharedParams(route.params)));
              nav.close();
            }}
            data-testid={`nav-${a.id}`}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main className="funnel-main">
        {workspaceProblem ? (
          <WorkspaceProblem error={workspaceProblem} />
        ) : (
          <>
            {isDemo && <DemoBanner onImport={() => setImportOpen(true)} />}
            <area.Screen key={area.id} />
          </>
        )}
      </AppShell.Main>

      <ImportDialog opened={importOpen} onClose={() => setImportOpen(false)} isDemo={isDemo} />
    </AppShell>
  );
}
