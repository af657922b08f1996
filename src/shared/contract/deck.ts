import { z } from 'zod';
import { QUARTER } from '@shared/time';
import type { ChannelSpec } from './define';
import { reportScopeSchema } from './reports';
import { LANGUAGES } from './workspace';

/**
 * The quarterly forecast deck (PRODUCT.md, "The quarterly deck"): one scope (as-of, team,
 * owner) and one quarter, every figure the reports' for the same options.
 */
export const deckScopeSchema = reportScopeSchema.pick({ asOf: true, team: true, owner: true }).extend({
  quarter: z.string().regex(QUARTER),
  /** Default: the language last chosen in the app, else English. */
  lang: z.enum(LANGUAGES).optional(),
});
export type DeckScope = z.infer<typeof deckScopeSchema>;

/** The deck as a file, for a download (the app) or a write (the command line). */
export interface DeckFile {
  fileName: string;
  mime: string;
  base64: string;
  slides: number;
}

export const DECK_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const deckChannels = {
  /** The quarter's forecast deck as a PPTX (15–20 slides, native charts with their data). */
  'deck.export': { input: deckScopeSchema, result: {} as DeckFile },
} as const satisfies Record<string, ChannelSpec>;
