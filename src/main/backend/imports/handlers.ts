import type { importChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { checkImport } from './import';
import { runImport } from './job';
import { deletePreset, listPresets, savePreset } from './presets';
import { previewDeals } from './preview';

export const importHandlers = ({
  ws,
  emit,
  nativeBinding,
}: BackendContext): Handlers<typeof importChannels> => ({
  'import.preview': ({ file }) => previewDeals(file),
  'import.check': ({ files, mapping }) => checkImport(ws, files, mapping),
  'import.apply': ({ files, skipInvalid, mapping }) =>
    runImport(ws, files, {
      skipInvalid,
      ...(mapping ? { mapping } : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
      onProgress: (phase, done, total) => emit('import.progress', { phase, done, total }),
    }),
  'import.presets': () => listPresets(ws),
  'import.savePreset': ({ preset }) => savePreset(ws, preset),
  'import.deletePreset': ({ name }) => deletePreset(ws, name),
});
