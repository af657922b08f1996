import type { demoChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { generateDemo } from './generate';

export const demoHandlers = ({ ws }: BackendContext): Handlers<typeof demoChannels> => ({
  'demo.generate': (options) => generateDemo(ws, options),
});
