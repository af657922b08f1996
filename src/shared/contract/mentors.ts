import { z } from 'zod';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import { reportScopeSchema, type ReportFrame } from '@shared/contract/reports';

/**
 * Mentor deals (师徒制): a senior joins a junior's deal for a share of its won amount.
 * The tags are the manager's own work (or `mentors.csv`); the numbers come from the
 * analytics engine (`report.mentors` is PRODUCT.md's "Mentors" report, the view adds the
 * quarters and the lift).
 */

const mentorName = z.string().trim().min(1).max(200);
/** A share of the deal's won amount, in percent. */
const share = z.number().finite().min(0).max(100);

export interface MentorTag {
  dealId: string;
  mentor: string;
  sharePct: number;
  source: 'csv' | 'demo' | 'app';
  /** When the mentor joined the deal (the tag's creation). */
  taggedAt: string;
}

// ---------------------------------------------------------------- PRODUCT.md's report

export interface MentorGroup {
  closed: number;
  won: number;
  winRate: number | null;
  meanCycleDays: number | null;
}
export interface MentorLine {
  mentor: string;
  deals: number;
  won: number;
  wonAmount: number;
  shareAmount: number;
}
export interface MentorsReport extends ReportFrame {
  mentored: MentorGroup;
  unmentored: MentorGroup;
  mentors: MentorLine[];
}

// ---------------------------------------------------------------- the Mentors view

/** A confidence interval at 95%; null bounds when there is not enough data. */
export interface Interval {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** One side of the lift: mentored deals, or the comparable unmentored ones. */
export interface LiftGroup {
  closed: number;
  won: number;
  /** Wilson score interval. */
  winRate: Interval;
  /** Median of (won time − created_at) over the won, percentile bootstrap interval. */
  medianCycleDays: Interval;
}

/**
 * Mentored deals against comparable unmentored ones: the same stage when the mentor
 * joined, the same size band, closed in the same quarter. `enough` is false below the
 * minimum sample, and then no difference is claimed.
 */
export interface MentorLift {
  mentored: LiftGroup;
  comparable: LiftGroup;
  /** Win-rate difference (mentored − comparable), percentage points as a fraction. */
  winRateLift: Interval;
  /** Median-cycle difference in days (negative = mentored deals close faster). */
  cycleLift: Interval;
  enough: { winRate: boolean; cycle: boolean };
  /** The minimums the view states ("at least N closed deals on each side"). */
  minimum: { closed: number; won: number };
  /** The bootstrap's seed and resamples, so a figure can be reproduced. */
  seed: number;
  resamples: number;
}

export interface MentorQuarter {
  /** `2026Q3`: the quarter of the deal's close. */
  quarter: string;
  deals: number;
  won: number;
  wonAmount: number;
  shareAmount: number;
}

export interface MentorSummary extends MentorLine {
  /** Deals tagged with this mentor that are still open at as-of. */
  open: number;
  quarters: MentorQuarter[];
  /** The mentor's own lift (their mentored deals against comparable unmentored ones). */
  lift: MentorLift;
}

export interface MentorsView extends MentorsReport {
  lift: MentorLift;
  summaries: MentorSummary[];
}

export interface MentoredDeal {
  dealId: string;
  name: string;
  owner: string;
  stage: string;
  amount: number;
  mentor: string;
  sharePct: number;
  /** 'open' | 'won' | 'lost' at as-of. */
  outcome: 'open' | 'won' | 'lost';
  closedAt: string | null;
  shareAmount: number;
}

export interface XlsxFile {
  fileName: string;
  mime: string;
  base64: string;
}

const tagInput = z.object({ mentor: mentorName, sharePct: share });

export const mentorChannels = {
  /** PRODUCT.md's mentors report (what `funnel report mentors --json` prints). */
  'report.mentors': { input: reportScopeSchema, result: {} as MentorsReport },
  /** The Mentors view: the report, per mentor per quarter, and the lift with its intervals. */
  'mentors.view': { input: reportScopeSchema, result: {} as MentorsView },
  /** The deals behind a mentor (or every mentored deal), for the view's table. */
  'mentors.deals': {
    input: reportScopeSchema.extend({ mentor: mentorName.optional() }),
    result: {} as MentoredDeal[],
  },
  /** The per-mentor, per-quarter table as an XLSX workbook (for payroll). */
  'mentors.exportXlsx': {
    input: reportScopeSchema.extend({ lang: z.enum(['zh-CN', 'en']) }),
    result: {} as XlsxFile,
  },
  /** A deal's mentors. */
  'mentors.forDeal': { input: z.object({ dealId }), result: {} as MentorTag[] },
  /** Names to offer when tagging: the people who own or mentor deals. */
  'mentors.people': { input: z.object({}), result: {} as string[] },
  /**
   * Sets a mentor's share on deals (adds the tag or changes its share). Refused as a whole
   * (`invalid_input`, naming each deal) when any deal's shares would pass 100%.
   */
  'mentors.tag': {
    input: tagInput.extend({ dealIds: z.array(dealId).min(1).max(10_000) }),
    result: {} as { tagged: number },
    writes: 'mentors',
  },
  /** Removes a mentor from deals; returns the removed tags so the screen can undo. */
  'mentors.untag': {
    input: z.object({ mentor: mentorName, dealIds: z.array(dealId).min(1).max(10_000) }),
    result: {} as { removed: MentorTag[] },
    writes: 'mentors',
  },
  /** Puts removed tags back as they were (undo). */
  'mentors.restore': {
    input: z.object({
      tags: z
        .array(tagInput.extend({ dealId, source: z.enum(['csv', 'demo', 'app']), taggedAt: z.string() }))
        .min(1)
        .max(10_000),
    }),
    result: {} as { tagged: number },
    writes: 'mentors',
  },
} as const satisfies Record<string, ChannelSpec>;
