/** Workspace settings, one JSON value per key (see settings.ts for the keys in use). */
export interface SettingsTable {
  key: string;
  value: string;
}
