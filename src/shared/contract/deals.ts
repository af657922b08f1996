import { z } from 'zod';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import type { Note } from '@shared/contract/notes';
import type { DealRow } from '@shared/contract/pipeline';

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

/** One deal in full: its columns, its stage timeline, its field histories and its notes. */
export const dealChannels = {
  'deal.get': { input: z.object({ id: dealId }), result: {} as DealDetail },
} as const satisfies Record<string, ChannelSpec>;
