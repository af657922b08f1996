import { z } from 'zod';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';

export interface Note {
  id: number;
  dealId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** The manager's own notes on a deal (local work: no import or sync touches them). */
export const noteChannels = {
  /** Adds a note, or edits one when `noteId` is given. */
  'notes.save': {
    input: z.object({
      dealId,
      noteId: z.number().int().positive().optional(),
      body: z.string().trim().min(1).max(20_000),
    }),
    result: {} as Note,
    writes: 'notes',
  },
  /** Deletes a note and returns it, so the UI can offer to undo. */
  'notes.delete': {
    input: z.object({ noteId: z.number().int().positive() }),
    result: {} as Note,
    writes: 'notes',
  },
} as const satisfies Record<string, ChannelSpec>;
