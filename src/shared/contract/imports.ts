import { z } from 'zod';
import type { ImportMessageKey, MessageParams } from '@shared/messages';
import type { ChannelSpec } from '@shared/contract/define';

export const IMPORT_FILE_KINDS = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];

const importFile = z.object({ name: z.string().max(500), text: z.string().max(512 * 1024 * 1024) });
export const importFilesSchema = z.object({
  deals: importFile.optional(),
  history: importFile.optional(),
  stages: importFile.optional(),
  mentors: importFile.optional(),
  quotas: importFile.optional(),
});
export type ImportFiles = z.infer<typeof importFilesSchema>;

export interface ImportIssue {
  file: ImportFileKind;
  /** 1-based physical line where the record starts; 0 for the file as a whole. */
  line: number;
  /** What is wrong, as a key of the message catalog (src/shared/messages) and its parameters… */
  code: ImportMessageKey;
  params: MessageParams;
  /** …and the same in English. */
  message: string;
}

export interface ImportCheck {
  valid: boolean;
  counts: Record<ImportFileKind, { rows: number; invalid: number }>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Errors beyond the ones listed (the list is capped to stay readable). */
  moreErrors: number;
}

export interface ImportOutcome extends ImportCheck {
  imported: Record<ImportFileKind, number>;
  replacedDemo: boolean;
}

/** Canonical CSV files into the workspace: checked first, then all accepted rows in one transaction. */
export const importChannels = {
  /** Validates the files against the workspace and says what an import would do; writes nothing. */
  'import.check': { input: z.object({ files: importFilesSchema }), result: {} as ImportCheck },
  'import.apply': {
    input: z.object({ files: importFilesSchema, skipInvalid: z.boolean().default(false) }),
    result: {} as ImportOutcome,
    writes: 'import',
  },
} as const satisfies Record<string, ChannelSpec>;
