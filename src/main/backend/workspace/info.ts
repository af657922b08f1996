import type { Preferences, WorkspaceInfo } from '@shared/contract';
import { formatTimestamp } from '@shared/time';
import type { Workspace } from '../db/connection';
import { readSetting, workspaceNow, writeSetting } from './settings';

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const sqlite = ws.sqlite;
  return {
    path: ws.path,
    isDemo: readSetting(sqlite, 'workspace.isDemo', false),
    // Empty until an import names one: the UI then shows plain numbers, not a guessed ¥.
    currency: readSetting(sqlite, 'workspace.currency', ''),
    dealCount: sqlite.prepare('select count(*) from deals where deleted_at is null').pluck().get() as number,
    now: formatTimestamp(workspaceNow(sqlite)),
    schemaVersion: ws.schemaVersion,
  };
}

const NO_PREFERENCES: Preferences = { language: null, theme: null };

export const readPreferences = (ws: Workspace): Preferences => ({
  ...NO_PREFERENCES,
  ...readSetting<Partial<Preferences>>(ws.sqlite, 'preferences', {}),
});

export function updatePreferences(ws: Workspace, change: Partial<Preferences>): Preferences {
  const next = { ...readPreferences(ws) };
  if (change.language) next.language = change.language;
  if (change.theme) next.theme = change.theme;
  writeSetting(ws.sqlite, 'preferences', next);
  return next;
}
