import type { Preferences, WorkspaceInfo } from '@shared/contract';
import { formatTimestamp } from '@shared/time';
import type { Workspace } from '../db/connection';
import { first } from '../db/query';
import { readSetting, workspaceNow, writeSetting } from './settings';

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const live = first(
    ws,
    ws.db
      .selectFrom('deals')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('deleted_at', 'is', null),
  );
  return {
    path: ws.path,
    isDemo: readSetting(ws, 'workspace.isDemo', false),
    // Empty until an import names one: the UI then shows plain numbers, not a guessed ¥.
    currency: readSetting(ws, 'workspace.currency', ''),
    dealCount: live?.count ?? 0,
    now: formatTimestamp(workspaceNow(ws)),
    schemaVersion: ws.schemaVersion,
  };
}

const NO_PREFERENCES: Preferences = { language: null, theme: null };

export const readPreferences = (ws: Workspace): Preferences => ({
  ...NO_PREFERENCES,
  ...readSetting<Partial<Preferences>>(ws, 'preferences', {}),
});

export function updatePreferences(ws: Workspace, change: Partial<Preferences>): Preferences {
  const next = { ...readPreferences(ws) };
  if (change.language) next.language = change.language;
  if (change.theme) next.theme = change.theme;
  writeSetting(ws, 'preferences', next);
  return next;
}
