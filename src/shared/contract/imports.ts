import { z } from 'zod';
import type { ImportMessageKey, MessageParams } from '@shared/messages';
import type { ChannelSpec } from '@shared/contract/define';

export const IMPORT_FILE_KINDS = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];

/** The largest workbook or undecoded CSV an import takes, in bytes (before base64). */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One picked file. Text the sender could decode as UTF-8 travels as `text`; anything else
 * (an .xlsx workbook, a CSV in another encoding) travels as its bytes in base64 (`data`),
 * and the backend turns it into rows: sheets read by value, GB18030 decoded with a warning.
 * Decoding in the backend alone keeps the CLI, the app and the browser tab in step.
 */
export const importFileSchema = z.union([
  z.object({ name: z.string().max(500), text: z.string().max(512 * 1024 * 1024) }).strict(),
  z
    .object({
      name: z.string().max(500),
      data: z
        .string()
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
        .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'base64'),
    })
    .strict(),
]);
export type ImportFile = z.infer<typeof importFileSchema>;
const importFile = importFileSchema;
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
  /** 1-based physical line where the record starts (a workbook: its sheet row); 0 for the file as a whole. */
  line: number;
  /** For a workbook: the sheet that was read. */
  sheet?: string;
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
