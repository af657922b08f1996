import type { Attendee, InputOf, Objection, PlanDraft, PlanItemSource, PreCallPlan } from '@shared/contract';

/** A checklist line in the editor; `key` keeps React rows stable while items move. */
export interface FormItem {
  key: string;
  actionId: number | null;
  stageKey: string | null;
  text: string;
  source: PlanItemSource;
  done: boolean;
}

/** The plan as the editor holds it: every text as typed (trimmed only when saved). */
export interface PlanForm {
  visitDate: string;
  preparedBy: string;
  attendees: Attendee[];
  objective: string;
  commitment: string;
  situation: string;
  questions: string[];
  objections: Objection[];
  materials: string;
  risks: string;
  items: FormItem[];
}

let nextKey = 1;
export const itemKey = () => `item-${nextKey++}`;

/** Tomorrow, as YYYY-MM-DD in the person's own calendar: most visits are planned the day before. */
export function tomorrow(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formFromDraft(draft: PlanDraft, now = new Date()): PlanForm {
  return {
    visitDate: tomorrow(now),
    preparedBy: draft.preparedBy,
    attendees: [],
    objective: '',
    commitment: '',
    situation: '',
    questions: [],
    objections: [],
    materials: '',
    risks: '',
    items: draft.items.map((i) => ({ ...i, key: itemKey(), done: false })),
  };
}

export function formFromPlan(plan: PreCallPlan): PlanForm {
  return {
    visitDate: plan.visitDate,
    preparedBy: plan.preparedBy,
    attendees: plan.attendees.map((a) => ({ ...a })),
    objective: plan.objective,
    commitment: plan.commitment,
    situation: plan.situation,
    questions: [...plan.questions],
    objections: plan.objections.map((o) => ({ ...o })),
    materials: plan.materials,
    risks: plan.risks,
    items: [...plan.items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        key: itemKey(),
        actionId: i.actionId,
        stageKey: i.stageKey,
        text: i.text,
        source: i.source,
        done: i.done,
      })),
  };
}

export type FormField = 'visitDate' | 'preparedBy' | 'objective';

/** What keeps the plan from being saved: the fields the backend requires, said before asking it. */
export function formIssues(form: PlanForm): FormField[] {
  const issues: FormField[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.visitDate)) issues.push('visitDate');
  if (!form.preparedBy.trim()) issues.push('preparedBy');
  if (!form.objective.trim()) issues.push('objective');
  return issues;
}

/**
 * The save input: blank rows the person added and left empty are dropped (an empty
 * question is no question), texts trimmed, the checklist in its shown order.
 */
export function saveInput(form: PlanForm, dealId: string, planId: number | null): InputOf<'plans.save'> {
  return {
    ...(planId !== null ? { planId } : {}),
    dealId,
    visitDate: form.visitDate,
    preparedBy: form.preparedBy.trim(),
    attendees: form.attendees
      .filter((a) => a.name.trim())
      .map((a) => ({ side: a.side, name: a.name.trim(), role: a.role.trim() })),
    objective: form.objective.trim(),
    commitment: form.commitment.trim(),
    situation: form.situation.trim(),
    questions: form.questions.map((q) => q.trim()).filter(Boolean),
    objections: form.objections
      .filter((o) => o.objection.trim())
      .map((o) => ({ objection: o.objection.trim(), answer: o.answer.trim() })),
    materials: form.materials.trim(),
    risks: form.risks.trim(),
    items: form.items
      .filter((i) => i.text.trim())
      .map((i) => ({
        actionId: i.actionId,
        stageKey: i.stageKey,
        text: i.text.trim(),
        source: i.source,
        done: i.done,
      })),
  };
}

/** Moves one element of a list by one place (up: -1, down: +1); out of bounds changes nothing. */
export function moveBy<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
