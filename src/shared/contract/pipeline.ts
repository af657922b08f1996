import { z } from 'zod';
import type { Stage } from '@shared/domain/stages';
import { QUARTER } from '@shared/time';
import { ATTENTION_FLAGS, type AttentionFlag } from '@shared/domain/attention';
import { noInput, text } from '@shared/contract/common';
import { drillSchema } from '@shared/contract/reports';
import type { ChannelSpec } from '@shared/contract/define';

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
  closeQuarter: z.string().regex(QUARTER).optional(),
  forecastCategories: z.array(text).max(10).optional(),
  stalledOnly: z.boolean().optional(),
  /** Deals with any of these attention flags at the workspace's "now". */
  flags: z.array(z.enum(ATTENTION_FLAGS)).max(ATTENTION_FLAGS.length).optional(),
  /** Exactly the deals behind one number of a report (deleted ones included when they count there). */
  drill: drillSchema.optional(),
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
export type ParsedDealQuery = z.output<typeof dealQuerySchema>;

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
  /** The attention flags at the workspace's "now", in PRODUCT.md order. */
  flags: AttentionFlag[];
}

export interface DealPage {
  rows: DealRow[];
  total: number;
  totalAmount: number;
  offset: number;
}

export interface Facets {
  teams: string[];
  products: string[];
  owners: { name: string; team: string }[];
  stages: Stage[];
  closeQuarters: string[];
  forecastCategories: string[];
}

/** The pipeline screen: one page of filtered, sorted deals, and the values its filters offer. */
export const pipelineChannels = {
  'pipeline.facets': { input: noInput, result: {} as Facets },
  'pipeline.list': { input: dealQuerySchema, result: {} as DealPage },
} as const satisfies Record<string, ChannelSpec>;
