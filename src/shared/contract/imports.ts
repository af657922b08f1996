import { z } from 'zod';
import type { ImportMessageKey, MessageParams } from '@shared/messages';
import type { ChannelSpec } from '@shared/contract/define';
import { noInput } from '@shared/contract/common';
import { MAPPABLE_COLUMNS, type MappingPreset } from '@shared/imports/column-mapping';

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
  z.object({ name: z.string().max(500), text: z.string().max(512 * 1024 * 1024) }),
  z.object({
    name: z.string().max(500),
    data: z
      .string()
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'base64'),
  }),
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

const mappedColumn = z.enum(MAPPABLE_COLUMNS);
const dateOrder = z.enum(['mdy', 'dmy']);
const stageValues = z
  .record(z.string().max(500), z.string().max(200))
  .refine((r) => Object.keys(r).length <= 1000, 'at most 1000 stage values');

/** How a CRM's own deals export maps onto the canonical columns (see shared/imports/column-mapping.ts). */
export const dealMappingSchema = z.object({
  columns: z.partialRecord(mappedColumn, z.number().int().min(0).max(10_000)),
  stages: stageValues,
  dateOrder,
});

/** A saved mapping, stored in the workspace under its name. */
export const mappingPresetSchema = z.object({
  name: z.string().trim().min(1).max(80),
  columns: z.partialRecord(mappedColumn, z.string().max(500)),
  stages: stageValues,
  dateOrder,
});

/** What the mapping step shows of a deals file before anything is checked. */
export interface ImportPreview {
  header: string[];
  /** The first records (at most 5), cells as the import reads them (a workbook's by value). */
  rows: string[][];
  /** Per column, its distinct values (trimmed) when there are at most 200 of them; else null. */
  values: (string[] | null)[];
  records: number;
  /** The header names every required canonical column: the file imports without a mapping. */
  canonical: boolean;
  /** What reading the file said (its encoding, the sheet read); errors mean it cannot be read. */
  warnings: ImportIssue[];
  errors: ImportIssue[];
}

const importInput = {
  files: importFilesSchema,
  /** Set when the deals file is a CRM's own export: its columns and stage values mapped. */
  mapping: dealMappingSchema.optional(),
};

/** Import files into the workspace: checked first, then all accepted rows in one transaction. */
export const importChannels = {
  /** Reads a deals file for the mapping step (columns, first rows, distinct values); writes nothing. */
  'import.preview': { input: z.object({ file: importFileSchema }), result: {} as ImportPreview },
  /** Validates the files against the workspace and says what an import would do; writes nothing. */
  'import.check': { input: z.object(importInput), result: {} as ImportCheck },
  'import.apply': {
    input: z.object({ ...importInput, skipInvalid: z.boolean().default(false) }),
    result: {} as ImportOutcome,
    writes: 'import',
  },
  /** The workspace's saved mappings, by name. */
  'import.presets': { input: noInput, result: {} as MappingPreset[] },
  /** Saves a mapping under its name (replacing one of the same name); answers the new list. */
  'import.savePreset': {
    input: z.object({ preset: mappingPresetSchema }),
    result: {} as MappingPreset[],
    writes: 'preferences',
    announces: false,
  },
  'import.deletePreset': {
    input: z.object({ name: z.string().max(80) }),
    result: {} as MappingPreset[],
    writes: 'preferences',
    announces: false,
  },
} as const satisfies Record<string, ChannelSpec>;
