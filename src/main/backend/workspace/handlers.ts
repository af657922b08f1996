import type { workspaceChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { backupPath, backupTo } from '../db/backup';
import { readCompany, saveCompany } from './company';
import { readPreferences, updatePreferences, workspaceInfo } from './info';

export const workspaceHandlers = ({ ws }: BackendContext): Handlers<typeof workspaceChannels> => ({
  'workspace.info': () => workspaceInfo(ws),
  'workspace.backup': ({ out }) => ({ path: backupTo(ws.sqlite, out ?? backupPath(ws.path, 'manual')) }),
  'company.get': () => readCompany(ws),
  'company.set': (change) => saveCompany(ws, change),
  'preferences.get': () => readPreferences(ws),
  'preferences.set': (change) => updatePreferences(ws, change),
});
