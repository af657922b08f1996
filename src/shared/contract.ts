import { z } from 'zod';
import type { Stage } from './domain/stages';
import { QUARTER } from './time';
import type { ImportMessageCode, ImportMessageParams } from './import-messages';

/**
 * The one API contract: channel name → zod input schema + result type. The backend
 * registers a handler per channel through `handle()`, the renderer calls `invoke()`; the
 * desktop app carries calls over a MessagePort, browser mode over HTTP. Inputs are
 * validated against these schemas at the backend boundary whatever the transport.
 */

const quarter = z.string().regex(QUARTER);
const text = z.string().max(10_000);

/** The longest deal id the workspace accepts (imports refuse longer ones, so every deal can be opened). */
export const MAX_ID_LENGTH = 1000;

export const DEAL_SORT_COLUMNS = [
  'name',
  'account',
  'owner',
  'team',
  'amount',
  'stage',
  'closeDate',
  'daysInStage',
  'updatedAt',
] as const;
export type DealSortColumn = (typeof DEAL_SORT_COLUMNS)[number];

/** Which deals by the kind of their stage: open (the pipeline), won, lost, or all. */
export const DEAL_STATUSES = ['open', 'won', 'lost', 'all'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const dealFilterSchema = z.object({
  search: z.string().max(200).optional(),
  /** Absent means all deals. */
  status: z.enum(DEAL_STATUSES).optional(),
  teams: z.array(text).max(500).optional(),
  owners: z.array(text).max(5000).optional(),
  stages: z.array(text).max(100).optional(),
  closeQuarter: quarter.optional(),
  forecastCategories: z.array(text).max(10).optional(),
  stalledOnly: z.boolean().optional(),
});
export type DealFilter = z.infer<typeof dealFilterSchema>;

export const dealQuerySchema = z.object({
  filter: dealFilterSchema.default({}),
  sort: z
    .object({ column: z.enum(DEAL_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .default({ column: 'amount', direction: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DealQuery = z.input<typeof dealQuerySchema>;

export interface DealRow {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  /** In the workspace currency (cents / 100). */
  amount: number;
  stage: string;
  closeDate: string | null;
  forecastCategory: string;
  updatedAt: string;
  stageEnteredAt: string;
  /** Days in the current stage at the workspace's "now"; fractional. */
  daysInStage: number;
  stalled: boolean;
}

export interface DealPage {
  rows: DealRow[];
  total: number;
  totalAmount: number;
  offset: number;
}

export interface StageVisit {
  stage: string;
  enteredAt: string;
  /** null while the deal is still in it. */
  exitedAt: string | null;
  days: number;
}

export interface FieldChange {
  value: string;
  changedAt: string;
  source: string;
}

export interface Note {
  id: number;
  dealId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface DealDetail extends DealRow {
  currency: string;
  createdAt: string;
  lostReason: string;
  product: string;
  nextStep: string;
  lastActivityAt: string | null;
  deletedAt: string | null;
  source: string;
  timeline: StageVisit[];
  amountHistory: FieldChange[];
  closeDateHistory: FieldChange[];
  forecastHistory: FieldChange[];
  notes: Note[];
}

export interface WorkspaceInfo {
  path: string;
  isDemo: boolean;
  currency: string;
  dealCount: number;
  /** The instant the workspace treats as "now" (a demo built for a fixed day keeps that day). */
  now: string;
  schemaVersion: string;
}

export interface Facets {
  teams: string[];
  owners: { name: string; team: string }[];
  stages: Stage[];
  closeQuarters: string[];
  forecastCategories: string[];
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Preferences {
  /** null until the person chooses: the UI then follows the system language. */
  language: Language | null;
  theme: Theme | null;
}

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
  /** What is wrong, as a code of src/shared/import-messages.ts and its parameters… */
  code: ImportMessageCode;
  params: ImportMessageParams;
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

export const EXPORT_KINDS = ['deals', 'history', 'stages', 'mentors', 'quotas'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** channel → [input schema, result type] */
export const contract = {
  'workspace.info': { input: z.object({}), result: {} as WorkspaceInfo },
  'pipeline.facets': { input: z.object({}), result: {} as Facets },
  'pipeline.list': { input: dealQuerySchema, result: {} as DealPage },
  'deal.get': { input: z.object({ id: z.string().min(1).max(MAX_ID_LENGTH) }), result: {} as DealDetail },
  'notes.save': {
    input: z.object({
      dealId: z.string().min(1).max(MAX_ID_LENGTH),
      noteId: z.number().int().positive().optional(),
      body: z.string().trim().min(1).max(20_000),
    }),
    result: {} as Note,
  },
  'notes.delete': { input: z.object({ noteId: z.number().int().positive() }), result: {} as Note },
  'preferences.get': { input: z.object({}), result: {} as Preferences },
  'preferences.set': {
    input: z.object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() }),
    result: {} as Preferences,
  },
  'import.check': { input: z.object({ files: importFilesSchema }), result: {} as ImportCheck },
  'import.apply': {
    input: z.object({ files: importFilesSchema, skipInvalid: z.boolean().default(false) }),
    result: {} as ImportOutcome,
  },
  'export.csv': {
    input: z.object({ kind: z.enum(EXPORT_KINDS) }),
    result: {} as { filename: string; text: string },
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<K extends Channel> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends Channel> = z.output<Contract[K]['input']>;
export type ResultOf<K extends Channel> = Contract[K]['result'];

/** Events the backend pushes to every window (MessagePort) or browser tab (event stream). */
export interface Events {
  'workspace.changed': { reason: 'import' | 'notes' | 'sync' | 'demo' };
  'import.progress': { phase: 'checking' | 'writing'; done: number; total: number };
}
export type EventName = keyof Events;
