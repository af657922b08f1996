import type { stageChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { listStages, saveStages } from './save';

export const stageHandlers = ({ ws }: BackendContext): Handlers<typeof stageChannels> => ({
  'stages.list': () => listStages(ws),
  'stages.save': ({ stages }) => saveStages(ws, stages),
});
