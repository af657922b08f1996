import type { importChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { checkImport } from './import';
import { runImport } from './job';

export const importHandlers = ({
  ws,
  emit,
  nativeBinding,
}: BackendContext): Handlers<typeof importChannels> => ({
  'import.check': ({ files }) => checkImport(ws, files),
  'import.apply': ({ files, skipInvalid }) =>
    runImport(ws, files, {
      skipInvalid,
      ...(nativeBinding ? { nativeBinding } : {}),
      onProgress: (phase, done, total) => emit('import.progress', { phase, done, total }),
    }),
});
