import { Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLayoutEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ApiProvider } from './api/ApiProvider';
import { createClient } from './api/client';
import type { Transport } from './api/transport';
import { createI18n, systemLanguage } from './i18n';
import { NoticesProvider } from './notices/NoticesProvider';
import { usePreferences } from './preferences/usePreferences';
import { SessionExpired } from './shell/SessionExpired';
import { Shell } from './shell/Shell';
import { cssVariablesResolver, theme } from './shell/theme';
import { useWorkspaceEvents } from './workspace/useWorkspaceEvents';

export interface AppProps {
  transport: Transport;
  /** The per-load CSP nonce Mantine stamps on the <style> elements it injects. */
  styleNonce?: string;
  /** 'test' disables Mantine transitions and portals (UI tests). */
  env?: 'default' | 'test';
}

/** Everything the screens share: the API client, the query cache, i18n and the theme. */
export function App({ transport, styleNonce, env = 'default' }: AppProps) {
  const [sessionExpired, setSessionExpired] = useState(false);
  const [client] = useState(() =>
    createClient(transport, (error) => {
      // Only the page's own session: a CRM refusing its token is also `unauthorized`, and
      // is told where it happened (the data sources page), not as a lost session.
      if (error.code === 'unauthorized' && error.say.key === 'session_expired') setSessionExpired(true);
    }),
  );
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // The backend is local: a failure is rarely transient, so retry once, quickly.
            retry: (count, error) => count < 1 && (error as { code?: string }).code !== 'unauthorized',
            retryDelay: 300,
            refetchOnWindowFocus: false,
            staleTime: 30_000,
          },
        },
      }),
  );
  const [i18n] = useState(() => createI18n(systemLanguage()));

  return (
    <ApiProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <Themed styleNonce={styleNonce} env={env} sessionExpired={sessionExpired} />
        </I18nextProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}

function Themed({
  styleNonce,
  env,
  sessionExpired,
}: {
  styleNonce: string | undefined;
  env: 'default' | 'test';
  sessionExpired: boolean;
}) {
  const preferences = usePreferences();
  const { i18n } = useTranslation();
  const { language } = preferences;

  // A layout effect so the saved language is in place before the first paint (no flash
  // of the system language when the person chose another one).
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  }, [i18n, language]);

  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme={preferences.theme}
      getStyleNonce={styleNonce ? () => styleNonce : undefined}
      env={env}
    >
      {sessionExpired ? (
        <SessionExpired />
      ) : preferences.ready ? (
        <NoticesProvider>
          <Live />
          <Shell preferences={preferences} />
        </NoticesProvider>
      ) : (
        <Booting />
      )}
    </MantineProvider>
  );
}

/** Subscribes to backend events for as long as the app runs. */
function Live() {
  useWorkspaceEvents();
  return null;
}

function Booting() {
  const { t } = useTranslation();
  return (
    <main>
      <Center h="100dvh">
        <Stack align="center" gap="sm">
          <Loader aria-hidden />
          <Text role="status">{t('app.loading')}</Text>
        </Stack>
      </Center>
    </main>
  );
}
