import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A scope named in a sentence, in the UI language: the whole organisation, a team, or a rep
 * (with their team when the view has one). Saved assumptions and quotas belong to exactly
 * one such scope, so the texts say which.
 */
export function useScopeName(): (scope: { team?: string | null; owner?: string | null }) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ team, owner }) =>
      owner
        ? team
          ? t('horizons.scope.rep', { owner, team })
          : t('horizons.scope.repAnyTeam', { owner })
        : team
          ? t('horizons.scope.team', { team })
          : t('horizons.scope.organisation'),
    [t],
  );
}
