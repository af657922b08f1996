import { z } from 'zod';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import type { MinutesDocument, MinutesFile } from '@shared/contract/review';

/**
 * Pre-call plans (访前拜访表) and what they stand on: the standard sales actions of each
 * buying stage (标准化销售动作), the deal's buying centre (权力地图), the manager's sign-off
 * and the visit's outcome (执行记录). All of it is the manager's own work, kept in tables
 * no import or sync touches. A plan carries a uid and its event history so that it can
 * travel to a team workspace later without losing who did what when.
 */

export const CONTACT_ROLES = [
  'decision_maker',
  'economic_buyer',
  'technical_evaluator',
  'user',
  'coach',
  'gatekeeper',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** From the warmest to the coldest (supporter … opponent). */
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export type Stance = (typeof STANCES)[number];

/** 1 = little say in the decision … 5 = decides. */
export const INFLUENCE_LEVELS = [1, 2, 3, 4, 5] as const;

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const line = (max: number) => z.string().trim().max(max);
const person = z.string().trim().min(1).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const rowId = z.number().int().positive();

// ---------------------------------------------------------------- standard actions

/** One standard sales action; it belongs to exactly one stage. Either text may be empty, not both. */
export interface SalesAction {
  id: number;
  stageKey: string;
  position: number;
  textZh: string;
  textEn: string;
}

/**
 * What a visit in an open stage is for: the stage's buying phase and exit criteria (from
 * the stage model), the goal of a visit, and the standard actions, in order.
 */
export interface StagePlaybook {
  stageKey: string;
  buyingPhase: string | null;
  exitCriteria: string | null;
  visitGoal: string | null;
  actions: SalesAction[];
}

const actionDraft = z
  .object({
    /** An existing action keeps its id (plans refer to it); a new one has none. */
    id: rowId.optional(),
    textZh: line(500),
    textEn: line(500),
  })
  .refine((a) => a.textZh !== '' || a.textEn !== '', { message: 'an action needs a text', path: ['textZh'] });

// ---------------------------------------------------------------- buying centre

export interface Contact {
  id: number;
  dealId: string;
  name: string;
  title: string;
  role: ContactRole;
  influence: number;
  stance: Stance;
  /** Coverage: whether someone of ours has met this person. */
  met: boolean;
  note: string;
  updatedAt: string;
}

/**
 * A hole in the deal's coverage at its current stage: a decision maker or economic buyer
 * nobody has met (or none known at all) from the vendor-selection stages on, no coach
 * from the solution stage on.
 */
export const COVERAGE_GAP_KINDS = [
  'no_decision_maker',
  'decision_maker_not_met',
  'economic_buyer_not_met',
  'no_coach',
] as const;

export interface CoverageGap {
  kind: (typeof COVERAGE_GAP_KINDS)[number];
  /** The contact concerned, when there is one. */
  contactId: number | null;
  contactName: string | null;
}

export interface BuyingCentre {
  dealId: string;
  /** The deal's stage now (what the gaps are judged against). */
  stageKey: string;
  contacts: Contact[];
  gaps: CoverageGap[];
}

const contactDraft = z.object({
  id: rowId.optional(),
  name: person,
  title: line(200).default(''),
  role: z.enum(CONTACT_ROLES),
  influence: z.number().int().min(1).max(5),
  stance: z.enum(STANCES),
  met: z.boolean(),
  note: line(2000).default(''),
});
export type ContactDraft = z.input<typeof contactDraft>;

// ---------------------------------------------------------------- plans

export interface Attendee {
  side: 'ours' | 'theirs';
  name: string;
  /** Their title or role in the visit. */
  role: string;
}

export interface Objection {
  objection: string;
  answer: string;
}

/** Where a checklist item came from. */
export type PlanItemSource = 'stage' | 'other_stage' | 'coverage' | 'custom';

export interface PlanItem {
  id: number;
  position: number;
  /** The standard action it was taken from (null: written for this plan, or a coverage gap). */
  actionId: number | null;
  /** The stage the action belongs to (null for custom and coverage items). */
  stageKey: string | null;
  /** The text as it was when added (a later edit of the standard action does not rewrite plans). */
  text: string;
  source: PlanItemSource;
  done: boolean;
}

/**
 * A planned action that belongs to another stage than the deal's: a product demo planned
 * while the customer is still confirming needs. Says which stage the action belongs to
 * and what the deal's stage calls for instead.
 */
export interface StageFitWarning {
  itemId: number;
  text: string;
  actionStage: string;
  dealStage: string;
  direction: 'later' | 'earlier';
  /** The standard actions of the deal's stage, in the language asked for (zh else en). */
  calledFor: SalesAction[];
}

export interface PlanOutcome {
  objectiveMet: boolean;
  commitmentObtained: boolean;
  nextStep: string;
  /** Whether the stage's exit criteria are now met (the deal may move on). */
  exitCriteriaMet: boolean;
  notes: string;
  recordedBy: string;
  recordedAt: string;
}

export interface PlanEvent {
  at: string;
  by: string;
  action: 'created' | 'edited' | 'submitted' | 'approved' | 'returned' | 'outcome' | 'reopened';
  comment: string;
}

export interface PlanSummary {
  id: number;
  uid: string;
  dealId: string;
  dealName: string;
  account: string;
  owner: string;
  team: string;
  amount: number;
  /** The deal's stage when the plan was written, and now (null: deal deleted since). */
  planStage: string;
  dealStage: string | null;
  visitDate: string;
  objective: string;
  status: PlanStatus;
  preparedBy: string;
  reviewer: string | null;
  reviewComment: string | null;
  warnings: number;
  outcome: PlanOutcome | null;
  updatedAt: string;
}

export interface PreCallPlan extends PlanSummary {
  attendees: Attendee[];
  /** The commitment sought: an advance (a trial, a meeting with the decision maker), not "keep in touch". */
  commitment: string;
  /** The customer's situation against their requirements (the gap). */
  situation: string;
  questions: string[];
  objections: Objection[];
  materials: string;
  risks: string;
  items: PlanItem[];
  stageFit: StageFitWarning[];
  coverageGaps: CoverageGap[];
  events: PlanEvent[];
  createdAt: string;
}

/** A new plan as the form opens it: the checklist of the deal's stage and its coverage gaps. */
export interface PlanDraft {
  dealId: string;
  dealStage: string;
  playbook: StagePlaybook;
  items: Omit<PlanItem, 'id' | 'position' | 'done'>[];
  coverageGaps: CoverageGap[];
  preparedBy: string;
}

/** What the pipeline table and presenter mode show per deal. */
export interface DealPlanState {
  dealId: string;
  /** The plan of the next (else the latest) visit. */
  planId: number;
  status: PlanStatus;
  visitDate: string;
  /** The latest recorded outcome of any of the deal's plans. */
  lastOutcome: PlanOutcome | null;
}

const itemDraft = z.object({
  actionId: rowId.nullable().default(null),
  /** Required with an actionId (checked against the action); ignored for custom items. */
  stageKey: line(200).nullable().default(null),
  text: line(1000).min(1),
  source: z.enum(['stage', 'other_stage', 'coverage', 'custom']),
  done: z.boolean().default(false),
});

const planFields = z.object({
  visitDate: day,
  attendees: z
    .array(z.object({ side: z.enum(['ours', 'theirs']), name: person, role: line(200).default('') }))
    .max(50)
    .default([]),
  objective: line(2000).min(1),
  commitment: line(2000).default(''),
  situation: line(5000).default(''),
  questions: z.array(line(1000).min(1)).max(50).default([]),
  objections: z
    .array(z.object({ objection: line(1000).min(1), answer: line(2000).default('') }))
    .max(50)
    .default([]),
  materials: line(2000).default(''),
  risks: line(2000).default(''),
  preparedBy: person,
  items: z.array(itemDraft).max(100),
});
export type PlanFieldsInput = z.input<typeof planFields>;

const langInput = z.enum(['zh-CN', 'en']);

export const planChannels = {
  /** The open stages' playbooks, by stage order (defaults from the field for the default model's keys). */
  'playbook.list': { input: z.object({}), result: {} as StagePlaybook[] },
  /** Replaces the visit goals and actions of the stages named (one transaction). */
  'playbook.save': {
    input: z.object({
      playbooks: z
        .array(
          z.object({
            stageKey: line(200).min(1),
            visitGoal: line(2000).nullable(),
            actions: z.array(actionDraft).max(50),
          }),
        )
        .max(50),
    }),
    result: {} as StagePlaybook[],
    writes: 'stages',
  },

  'contacts.list': { input: z.object({ dealId }), result: {} as BuyingCentre },
  /** Adds a contact, or edits one when `contact.id` is given. */
  'contacts.save': {
    input: z.object({ dealId, contact: contactDraft }),
    result: {} as BuyingCentre,
    writes: 'plans',
  },
  /** Deletes a contact; returns it (to undo) with the centre as it is now. */
  'contacts.delete': {
    input: z.object({ contactId: rowId }),
    result: {} as { deleted: Contact; centre: BuyingCentre },
    writes: 'plans',
  },

  /** A new plan for a deal, prefilled; nothing is stored until `plans.save`. */
  'plans.draft': { input: z.object({ dealId, lang: langInput }), result: {} as PlanDraft },
  /** The deal's plans, next visit first. */
  'plans.forDeal': { input: z.object({ dealId }), result: {} as PlanSummary[] },
  'plans.get': { input: z.object({ planId: rowId, lang: langInput }), result: {} as PreCallPlan },
  /**
   * Creates a plan (without `planId`) or edits one. Editing a submitted or approved plan
   * reopens it to draft (a `reopened` event; it needs a new sign-off); a plan with its
   * outcome recorded is the record of the visit and is not edited (`conflict`).
   */
  'plans.save': {
    input: planFields.extend({ planId: rowId.optional(), dealId }),
    result: {} as PreCallPlan,
    writes: 'plans',
  },
  /** Sends a draft or returned plan for the manager's sign-off. */
  'plans.submit': {
    input: z.object({ planId: rowId, by: person }),
    result: {} as PreCallPlan,
    writes: 'plans',
  },
  /** The manager's sign-off: approve, or send back with a comment (required to send back). */
  'plans.review': {
    input: z.object({
      planId: rowId,
      decision: z.enum(['approve', 'return']),
      reviewer: person,
      comment: line(2000).default(''),
    }),
    result: {} as PreCallPlan,
    writes: 'plans',
  },
  /** After the visit: what came of it (execution record). Allowed on approved plans. */
  'plans.outcome': {
    input: z.object({
      planId: rowId,
      objectiveMet: z.boolean(),
      commitmentObtained: z.boolean(),
      nextStep: line(2000).default(''),
      exitCriteriaMet: z.boolean(),
      notes: line(5000).default(''),
      by: person,
    }),
    result: {} as PreCallPlan,
    writes: 'plans',
  },
  /** Ticks or unticks a checklist item (any status). */
  'plans.check': {
    input: z.object({ planId: rowId, itemId: rowId, done: z.boolean() }),
    result: {} as PreCallPlan,
    writes: 'plans',
  },
  /** Deletes a plan; returns it so the screen can say what went. */
  'plans.delete': { input: z.object({ planId: rowId }), result: {} as PlanSummary, writes: 'plans' },
  /** Plans waiting for sign-off (submitted), oldest visit first; and the recently returned. */
  'plans.queue': {
    input: z.object({ team: person.optional(), owner: person.optional() }),
    result: {} as { waiting: PlanSummary[]; returned: PlanSummary[] },
  },
  /** Plan status and last outcome for deals (the pipeline table's page, presenter cards). */
  'plans.states': {
    input: z.object({ dealIds: z.array(dealId).max(1000) }),
    result: {} as DealPlanState[],
  },
  /** The plan as a document to show and print (to PDF from the desktop app), in a language; what `plans.export` writes. */
  'plans.document': { input: z.object({ planId: rowId, lang: langInput }), result: {} as MinutesDocument },
  /** The plan as Markdown or DOCX, in a language, to print or send before the visit. */
  'plans.export': {
    input: z.object({ planId: rowId, format: z.enum(['md', 'docx']), lang: langInput }),
    result: {} as MinutesFile,
  },
} as const satisfies Record<string, ChannelSpec>;
