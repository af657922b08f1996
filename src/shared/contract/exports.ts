import { z } from 'zod';
import type { ChannelSpec } from '@shared/contract/define';

export const EXPORT_KINDS = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportedFile {
  filename: string;
  text: string;
}

/** The canonical CSV files back out (the format import reads; rows in a stable order). */
export const exportChannels = {
  'export.csv': { input: z.object({ kind: z.enum(EXPORT_KINDS) }), result: {} as ExportedFile },
} as const satisfies Record<string, ChannelSpec>;
