import { z } from 'zod';
import { ATTENTION_FLAGS, type AttentionFlag } from '@shared/domain/attention';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import { COVERAGE_GAP_KINDS, type CoverageGap, type DealPlanState } from '@shared/contract/plans';
import type { FunnelStage } from '@shared/contract/reports';

/**
 * The funnel-review meeting (漏斗回顾会议): prepare an agenda for a scope, run it on the
 * projector, capture decisions and next steps, follow them up at the next review of the
 * same scope, export the minutes. Decisions, next steps, agreed values and notes are
 * the manager's own data: no import or sync touches them.
 */

/**
 * How an agenda is drawn up. `unplanned`: the deals with a visit this week (Monday to
 * Sunday, UTC, at the workspace's now) that has no approved pre-call plan yet.
 */
export const AGENDA_STYLES = ['rep', 'flagged', 'stage', 'top', 'changed', 'unplanned'] as const;
export type AgendaStyle = (typeof AGENDA_STYLES)[number];

/** What "what changed since the last review" compares. */
export const CHANGE_FIELDS = ['stage', 'amount', 'closeDate', 'owner', 'forecastCategory'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

const name = z.string().trim().min(1).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** A team (none: every team) and reps (none: every rep of the team). Same scope = same team and reps. */
export const reviewScopeSchema = z.object({
  team: name.nullable().default(null),
  reps: z
    .array(name)
    .max(500)
    .default([])
    .transform((reps) => [...new Set(reps)].sort()),
});
export type ReviewScope = z.output<typeof reviewScopeSchema>;

/** Why an item is on the agenda. */
export interface AgendaReason {
  why: 'flagged' | 'changed' | 'top' | 'stage' | 'rep' | 'added' | 'unplanned';
  flags: AttentionFlag[];
  changes: ChangeField[];
  /**
   * The holes in the deal's mapped buying centre that flag it in the meeting beside the
   * attention flags (a decision maker or economic buyer not met…; never the softer
   * missing coach). Absent on items saved before coverage counted.
   */
  coverage?: CoverageGap['kind'][];
  /** `unplanned`: the day of this week's visit that has no approved plan. */
  visitDate?: string;
}

export interface ValueChange {
  field: ChangeField;
  /** Stage keys, amounts (money), days (YYYY-MM-DD), owner names, categories; null = not set. */
  from: string | number | null;
  to: string | number | null;
}

/** A deal as one presenter screen shows it, at the meeting's as-of. */
export interface DealCard {
  kind: 'deal';
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amount: number;
  currency: string;
  stage: string;
  stageKind: 'open' | 'won' | 'lost';
  /** Days in the current stage at as-of, its dwell limit and follow-up cadence. */
  daysInStage: number;
  dwellLimitDays: number | null;
  followupDays: number | null;
  closeDate: string | null;
  /** Every close date the deal has had before as-of, oldest first, each marked when it was a push. */
  closeDateHistory: { at: string; closeDate: string | null; pushed: boolean }[];
  pushCount: number;
  forecastCategory: string;
  /** The previous review's as-of: what `changes` compares with (null: no earlier review). */
  since: string | null;
  /** Created after `since`. */
  isNew: boolean;
  changes: ValueChange[];
  flags: AttentionFlag[];
  daysSinceActivity: number | null;
  nextStep: string;
  /** The manager's notes on the deal, newest first (at most five). */
  notes: { body: string; createdAt: string }[];
  /** The deal's pre-call plan (next visit, else latest) and last outcome; null: none. Absent on cards shown before plans existed. */
  plan?: DealPlanState | null;
  /** The coverage gaps of its buying centre at the card's stage (see `coverageGaps` in shared/domain/coverage). */
  coverageGaps?: CoverageGap[];
}

/** A rep's section: the 4S summary and funnel from the analytics engine, for the rep's deals. */
export interface RepCard {
  kind: 'rep';
  owner: string;
  /** The window Speed and Success are measured over: the 90 days up to as-of. */
  from: string;
  to: string;
  size: { open: number; amount: number };
  shape: { key: string; count: number; amount: number }[];
  speed: {
    stages: { key: string; medianDays: number | null; openCount: number; stalled: number | null }[];
    salesCycleMedianDays: number | null;
    velocityPerDay: number | null;
  };
  success: { winRate: number | null; won: number; lost: number };
  funnel: FunnelStage[];
  flagged: number;
}

export type ReviewCard = DealCard | RepCard;

export interface AgendaItem {
  /** Null until saved. */
  id: number | null;
  kind: 'deal' | 'rep';
  dealId: string | null;
  owner: string | null;
  reason: AgendaReason;
  /** The item's share of the time budget. */
  minutes: number;
  elapsedMs: number;
  /** Live for a draft, as shown once the meeting started. Null for a deal no longer in the workspace. */
  card: ReviewCard | null;
  agreedCategory: string | null;
  agreedCloseDate: string | null;
  followUp: boolean;
  reviewedAt: string | null;
}

export type DecisionKind = 'decision' | 'next_step' | 'risk';

export interface ReviewDecision {
  id: number;
  meetingId: number;
  meetingTitle: string;
  /** When the meeting that recorded it looked at the pipeline. */
  meetingAsOf: string;
  itemId: number | null;
  dealId: string | null;
  /** The deal's name when it is known (also for a deal deleted upstream, from the card shown). */
  dealName: string | null;
  kind: DecisionKind;
  text: string;
  assignee: string | null;
  dueDate: string | null;
  doneAt: string | null;
  doneMeetingId: number | null;
  carriedToMeetingId: number | null;
  carriedFrom: number | null;
  createdAt: string;
}

export type MeetingStatus = 'planned' | 'running' | 'ended';

export interface MeetingSummary {
  id: number;
  title: string;
  scope: ReviewScope;
  style: AgendaStyle;
  status: MeetingStatus;
  asOf: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Time the overall timer ran. */
  elapsedMs: number;
  itemCount: number;
  decisionCount: number;
  nextStepCount: number;
}

export interface LiveState {
  meetingId: number;
  /** The presenter's slide: 0 is the follow-ups when there are any, then one per item. */
  position: number;
  elapsedMs: number;
  /** Set while the timer runs; elapsed time is `elapsedMs + (now − runningSince)`. */
  runningSince: string | null;
  /** The current item's own elapsed time (up to `runningSince` when running). */
  itemElapsedMs: number;
}

export interface Meeting extends MeetingSummary {
  topN: number | null;
  budgetMinutes: number;
  notes: string;
  previous: { id: number; title: string; asOf: string } | null;
  live: LiveState;
  agenda: AgendaItem[];
  decisions: ReviewDecision[];
  /** Open next steps from earlier reviews of the scope (for a started meeting: those it took up, as they are now). */
  followUps: ReviewDecision[];
  /** Categories a deal may be agreed into (those in the workspace, then the usual ones). */
  categories: string[];
}

export interface AgendaProposal {
  agenda: AgendaItem[];
  followUps: ReviewDecision[];
  previous: { id: number; title: string; asOf: string } | null;
  /** Deals in scope that the style left out (beyond top N). */
  leftOut: number;
  asOf: string;
}

export interface MeetingComparison {
  a: MeetingSummary;
  b: MeetingSummary;
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  /** Deals on both agendas whose stage, amount, close date, owner or category differ. */
  moved: { id: string; name: string; changes: ValueChange[] }[];
  /** Next steps of `a` done by `b`, carried into `b`, still open. */
  nextSteps: { done: ReviewDecision[]; carried: ReviewDecision[]; open: ReviewDecision[] };
}

/**
 * The minutes as a plain document (headings, key facts, tables, lists), built once from
 * the meeting and written out as Markdown, DOCX, or a printable page, so all say the same.
 */
export interface MinutesTable {
  headers: string[];
  rows: string[][];
}
export interface MinutesSection {
  heading: string;
  table?: MinutesTable;
  list?: string[];
  paragraphs?: string[];
  /** What the section says when it has nothing to show. */
  empty?: string;
}
export interface MinutesDocument {
  title: string;
  facts: [string, string][];
  sections: MinutesSection[];
}

export const MINUTES_FORMATS = ['md', 'docx'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export interface MinutesFile {
  fileName: string;
  mime: string;
  /** The file's bytes, base64 (DOCX), or its text (Markdown). */
  base64: string | null;
  text: string | null;
}

const meetingId = z.number().int().positive();
const agendaInput = z.object({
  kind: z.enum(['deal', 'rep']),
  dealId: dealId.nullable().default(null),
  owner: name.nullable().default(null),
  reason: z
    .object({
      why: z.enum(['flagged', 'changed', 'top', 'stage', 'rep', 'added', 'unplanned']),
      flags: z.array(z.enum(ATTENTION_FLAGS)).max(10).default([]),
      changes: z.array(z.enum(CHANGE_FIELDS)).max(10).default([]),
      coverage: z.array(z.enum(COVERAGE_GAP_KINDS)).max(10).optional(),
      visitDate: day.optional(),
    })
    .default({ why: 'added', flags: [], changes: [] }),
});

const proposalInput = z.object({
  scope: reviewScopeSchema,
  style: z.enum(AGENDA_STYLES),
  /** How many deals (per rep, for the `rep` style); default 30 (5 per rep). */
  topN: z.number().int().min(1).max(500).nullable().default(null),
  budgetMinutes: z.number().int().min(1).max(600),
});

/**
 * Meeting writes change nothing the other screens show, so instead of `workspace.changed`
 * (which refreshes every figure) they announce `review.changed`, and the presenter's moves
 * `review.live`: an audience screen follows without the reports being asked again.
 */
export const reviewChannels = {
  /** Every meeting, newest first. */
  'review.list': { input: z.object({}), result: {} as MeetingSummary[] },
  /** An agenda for a scope and style at the workspace's now, with the open next steps of earlier reviews. */
  'review.propose': { input: proposalInput, result: {} as AgendaProposal },
  /** Creates or rewrites a draft (planned) meeting with its agenda, in this order. */
  'review.save': {
    input: proposalInput.extend({
      id: meetingId.optional(),
      title: name,
      agenda: z.array(agendaInput).max(500),
    }),
    result: {} as Meeting,
    writes: 'meeting',
    announces: false,
  },
  'review.get': { input: z.object({ id: meetingId }), result: {} as Meeting },
  /** Starts a draft: fixes its as-of, the cards it shows and the follow-ups it takes up. */
  'review.start': {
    input: z.object({ id: meetingId }),
    result: {} as Meeting,
    writes: 'meeting',
    announces: false,
  },
  /** Moves the presenter (and the audience) to a slide, and starts or pauses the timer. */
  'review.present': {
    input: z.object({
      id: meetingId,
      position: z.number().int().min(0).optional(),
      timer: z.enum(['start', 'pause']).optional(),
    }),
    result: {} as LiveState,
    writes: 'meeting',
    announces: false,
  },
  /** Records a decision, next step or risk on the meeting (on an item when given). */
  'review.record': {
    input: z.object({
      meetingId,
      itemId: z.number().int().positive().nullable().default(null),
      kind: z.enum(['decision', 'next_step', 'risk']),
      text: z.string().trim().min(1).max(5_000),
      assignee: name.nullable().default(null),
      dueDate: day.nullable().default(null),
    }),
    result: {} as ReviewDecision,
    writes: 'meeting',
    announces: false,
  },
  /** Edits a decision or next step, or marks a next step done (or not). */
  'review.updateDecision': {
    input: z.object({
      id: z.number().int().positive(),
      text: z.string().trim().min(1).max(5_000).optional(),
      assignee: name.nullable().optional(),
      dueDate: day.nullable().optional(),
      done: z.boolean().optional(),
    }),
    result: {} as ReviewDecision,
    writes: 'meeting',
    announces: false,
  },
  /** Deletes a decision and returns it, so the UI can offer to undo. */
  'review.deleteDecision': {
    input: z.object({ id: z.number().int().positive() }),
    result: {} as ReviewDecision,
    writes: 'meeting',
    announces: false,
  },
  /** Agrees a forecast category and close date on an item, or flags it for follow-up. */
  'review.agree': {
    input: z.object({
      itemId: z.number().int().positive(),
      category: z.string().trim().max(40).nullable().optional(),
      closeDate: day.nullable().optional(),
      followUp: z.boolean().optional(),
    }),
    result: {} as AgendaItem,
    writes: 'meeting',
    announces: false,
  },
  /** An open next step of an earlier review, taken up now: done, or carried over into this meeting. */
  'review.followUp': {
    input: z.object({
      meetingId,
      decisionId: z.number().int().positive(),
      action: z.enum(['done', 'carry', 'reopen']),
    }),
    result: {} as Meeting,
    writes: 'meeting',
    announces: false,
  },
  'review.notes': {
    input: z.object({ id: meetingId, notes: z.string().max(100_000) }),
    result: {} as { notes: string },
    writes: 'meeting',
    announces: false,
  },
  'review.end': {
    input: z.object({ id: meetingId }),
    result: {} as Meeting,
    writes: 'meeting',
    announces: false,
  },
  /** Deletes a meeting with its agenda and decisions; next steps it carried over become open again. */
  'review.delete': {
    input: z.object({ id: meetingId }),
    result: {} as MeetingSummary,
    writes: 'meeting',
    announces: false,
  },
  /** Two reviews of the same scope side by side. */
  'review.compare': {
    input: z.object({ a: meetingId, b: meetingId }),
    result: {} as MeetingComparison,
  },
  /** The minutes as a document to show and print (to PDF from the desktop app), in a language. */
  'review.minutesDocument': {
    input: z.object({ id: meetingId, lang: z.enum(['zh-CN', 'en']) }),
    result: {} as MinutesDocument,
  },
  /** The minutes as Markdown or DOCX, in a language. */
  'review.minutes': {
    input: z.object({ id: meetingId, format: z.enum(MINUTES_FORMATS), lang: z.enum(['zh-CN', 'en']) }),
    result: {} as MinutesFile,
  },
} as const satisfies Record<string, ChannelSpec>;
