import { useColorScheme } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language, Preferences, Theme } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { systemLanguage } from '../i18n';

export const preferencesKey = ['preferences'] as const;

/**
 * The person's language and theme. `null` in storage means "not chosen yet": the UI then
 * follows the system (navigator.languages, prefers-color-scheme) and keeps following it
 * live until a choice is saved.
 */
export function usePreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  const systemScheme = useColorScheme('light', { getInitialValueInEffect: false });
  const query = useQuery({
    queryKey: preferencesKey,
    queryFn: () => api.invoke('preferences.get', {}),
    staleTime: Infinity,
  });

  const mutation = useMutation({
    mutationFn: (change: { language?: Language; theme?: Theme }) => api.invoke('preferences.set', change),
    // Optimistic: the switch flips at once; the saved value then confirms it.
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: preferencesKey });
      const previous = queryClient.getQueryData<Preferences>(preferencesKey);
      queryClient.setQueryData<Preferences>(preferencesKey, {
        language: previous?.language ?? null,
        theme: previous?.theme ?? null,
        ...change,
      });
      return { previous };
    },
    onError: (_e, _change, context) => {
      if (context?.previous) queryClient.setQueryData(preferencesKey, context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });

  const language: Language = query.data?.language ?? systemLanguage();
  const theme: Theme = query.data?.theme ?? systemScheme;
  return {
    // A failed read falls back to the system choices rather than blocking the app.
    ready: query.isSuccess || query.isError,
    error: query.error,
    language,
    theme,
    setLanguage: (l: Language) => mutation.mutate({ language: l }),
    setTheme: (th: Theme) => mutation.mutate({ theme: th }),
  };
}
