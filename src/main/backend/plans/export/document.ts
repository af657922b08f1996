import type {
  BuyingCentre,
  MinutesDocument,
  MinutesSection,
  PreCallPlan,
  StagePlaybook,
} from '@shared/contract';
import { isSoftGap } from '@shared/domain/coverage';
import { actionText } from '@shared/domain/sales-actions';
import { formatMessage } from '@shared/messages';
import { gapMessage } from '../draft';
import { PLAN_LABELS, type Lang } from './labels';

/**
 * A plan as a plain document (the review minutes' shape: key facts, then sections of
 * tables, lists and paragraphs), so Markdown, DOCX and the printed page all say the same:
 * the visit, both sides' attendees, objective and commitment sought, the gap, questions,
 * objections, materials, risks, the ticked checklist, stage-fit warnings, the buying
 * centre and its gaps, the sign-off history, and the plan beside its execution.
 */
export function planDocument(
  plan: PreCallPlan,
  centre: BuyingCentre,
  playbook: StagePlaybook,
  lang: Lang,
  stageName: (key: string) => string,
): MinutesDocument {
  const L = PLAN_LABELS[lang];
  const yesNo = (b: boolean) => (b ? L.yes : L.no);
  const text = (value: string): Pick<MinutesSection, 'paragraphs' | 'empty'> => ({
    paragraphs: value ? value.split(/\r?\n\r?\n/) : [],
    empty: L.none,
  });
  const judged = plan.dealStage ?? plan.planStage;
  const stage =
    plan.dealStage === null
      ? L.stageGone(stageName(plan.planStage))
      : plan.dealStage !== plan.planStage
        ? L.stageMoved(stageName(plan.dealStage), stageName(plan.planStage))
        : stageName(plan.dealStage);

  const facts: [string, string][] = [
    [L.deal, `${plan.dealName} (${plan.dealId})`],
    [L.account, plan.account],
    [L.owner, plan.owner],
    [L.amount, new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(plan.amount)],
    [L.stage, stage],
    [L.visitDate, plan.visitDate],
    [L.status, L.statuses[plan.status]],
    [L.preparedBy, plan.preparedBy],
  ];
  if (plan.reviewer) facts.push([L.reviewer, plan.reviewer]);
  if (plan.reviewComment) facts.push([L.reviewComment, plan.reviewComment]);
  if (playbook.visitGoal) facts.push([L.visitGoal, playbook.visitGoal]);
  if (playbook.exitCriteria) facts.push([L.exitCriteria, playbook.exitCriteria]);

  const calledFor = (actions: StagePlaybook['actions']) =>
    actions.length
      ? actions.map((a) => actionText(a, lang)).join(lang === 'zh-CN' ? '、' : ', ')
      : L.nothingCalledFor;
  const outcome = plan.outcome;

  const sections: MinutesSection[] = [
    {
      heading: L.attendees,
      table: {
        headers: [L.side, L.name, L.role],
        rows: [...plan.attendees]
          .sort((a, b) => (a.side === b.side ? 0 : a.side === 'ours' ? -1 : 1))
          .map((a) => [L.sides[a.side], a.name, a.role]),
      },
      empty: L.noAttendees,
    },
    { heading: L.objective, ...text(plan.objective) },
    { heading: L.commitment, ...text(plan.commitment) },
    { heading: L.situation, ...text(plan.situation) },
    { heading: L.questions, list: plan.questions, empty: L.none },
    {
      heading: L.objections,
      table: { headers: [L.objection, L.answer], rows: plan.objections.map((o) => [o.objection, o.answer]) },
      empty: L.none,
    },
    { heading: L.materials, ...text(plan.materials) },
    { heading: L.risks, ...text(plan.risks) },
    {
      heading: L.checklist,
      list: plan.items.map(
        (i) =>
          `${i.done ? '☑' : '☐'} ${i.text}${i.stageKey && i.stageKey !== judged ? ` ${L.belongsTo(stageName(i.stageKey))}` : ''}`,
      ),
      empty: L.noChecklist,
    },
    {
      heading: L.stageFit,
      list: plan.stageFit.length
        ? [
            L.judgedAt(stageName(judged)),
            ...plan.stageFit.map((w) =>
              L.warning(
                w.text,
                stageName(w.actionStage),
                w.direction === 'later',
                stageName(w.dealStage),
                calledFor(w.calledFor),
              ),
            ),
          ]
        : [],
      empty: L.noWarnings,
    },
    {
      heading: L.buyingCentre,
      table: {
        headers: [L.name, L.title_, L.role, L.influence, L.stance, L.met],
        rows: centre.contacts.map((c) => [
          c.name,
          c.title,
          L.roles[c.role],
          String(c.influence),
          L.stances[c.stance],
          yesNo(c.met),
        ]),
      },
      empty: L.noContacts,
    },
    {
      heading: L.gaps,
      list: plan.coverageGaps.map(
        (g) => `${formatMessage(gapMessage(g), lang)}${isSoftGap(g) ? ` ${L.softGap}` : ''}`,
      ),
      empty: L.noGaps,
    },
    {
      heading: L.signOff,
      table: {
        headers: [L.when, L.who, L.what, L.comment],
        rows: plan.events.map((e) => [
          e.at.slice(0, 16).replace('T', ' '),
          e.by,
          L.events[e.action],
          e.action === 'reopened'
            ? (L.statuses[e.comment as keyof typeof L.statuses] ?? e.comment)
            : e.comment,
        ]),
      },
      empty: L.none,
    },
    {
      heading: L.outcome,
      ...(outcome
        ? {
            table: {
              headers: ['', L.plan, L.execution],
              rows: [
                [L.objective, plan.objective, yesNo(outcome.objectiveMet)],
                [L.commitment, plan.commitment, yesNo(outcome.commitmentObtained)],
                [L.exitCriteria, playbook.exitCriteria ?? '', yesNo(outcome.exitCriteriaMet)],
                [L.nextStep, '', outcome.nextStep],
                [L.notes, '', outcome.notes],
                [
                  L.recorded,
                  '',
                  `${outcome.recordedBy}, ${outcome.recordedAt.slice(0, 16).replace('T', ' ')}`,
                ],
              ],
            },
          }
        : {}),
      empty: L.noOutcome,
    },
  ];
  return { title: L.title(plan.dealName), facts, sections };
}
