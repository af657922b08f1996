import type { dealChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { getDeal } from './detail';

export const dealHandlers = ({ ws }: BackendContext): Handlers<typeof dealChannels> => ({
  'deal.get': ({ id }) => getDeal(ws, id),
});
