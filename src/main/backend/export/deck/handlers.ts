import type { deckChannels } from '@shared/contract';
import type { BackendContext } from '../../context';
import type { Handlers } from '../../registry';
import { exportDeck } from './deck';

/** The quarterly deck for the app's button (the command line writes the same file). */
export const deckHandlers = (ctx: BackendContext): Handlers<typeof deckChannels> => ({
  'deck.export': (scope) => exportDeck(ctx, scope),
});
