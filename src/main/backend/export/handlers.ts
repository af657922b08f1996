import type { exportChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { exportCsv } from './csv';

export const exportHandlers = ({ ws }: BackendContext): Handlers<typeof exportChannels> => ({
  'export.csv': ({ kind }) => exportCsv(ws, kind),
});
