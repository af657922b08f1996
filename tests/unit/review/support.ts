import type { AgendaProposal, Meeting } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { COLUMNS } from '@backend/csv/columns';
import type { Registry } from '@backend/registry';
import { writeSetting } from '@backend/workspace/settings';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

export const AS_OF = Date.parse('2026-03-02T00:00:00Z');
const DAY = 86_400_000;

const deal = (id: string, extra: Partial<RefDeal>): RefDeal => ({
  id,
  createdAt: AS_OF - 60 * DAY,
  stage: 'need',
  amountCents: 100_000_00,
  closeDate: '2026-04-30',
  forecastCategory: 'pipeline',
  owner: 'Ann',
  team: 'East',
  nextStep: 'Call the buyer',
  lastActivityAt: AS_OF - DAY,
  deletedAt: null,
  history: [],
  ...extra,
});

const moved = (stage: string, daysAgo: number) => ({
  field: 'stage',
  value: stage,
  changedAt: AS_OF - daysAgo * DAY,
});

/**
 * A small pipeline for reviews, every deal created 60 days before AS_OF in 需求确认: team
 * East (Ann, Bob) and West (Cy). E1 has sat in 报价比选 (proposal, 7-day limit) for 12 days
 * and its close date was pushed twice; E2 has no next step; E3 is overdue; E4 is a healthy
 * large deal; E5 was won 5 days ago; W1 is West's, stalled in 报价比选.
 */
export const REVIEW_DEALS: RefDeal[] = [
  deal('E1', {
    stage: 'proposal',
    amountCents: 480_000_00,
    history: [
      moved('need', 60),
      moved('solution', 30),
      moved('proposal', 12),
      { field: 'close_date', value: '2026-02-15', changedAt: AS_OF - 60 * DAY },
      { field: 'close_date', value: '2026-03-15', changedAt: AS_OF - 20 * DAY },
      { field: 'close_date', value: '2026-04-30', changedAt: AS_OF - 5 * DAY },
    ],
  }),
  deal('E2', {
    stage: 'solution',
    nextStep: '',
    amountCents: 120_000_00,
    history: [moved('need', 60), moved('solution', 3)],
  }),
  deal('E3', {
    owner: 'Bob',
    stage: 'solution',
    closeDate: '2026-02-20',
    amountCents: 60_000_00,
    history: [moved('need', 60), moved('solution', 10)],
  }),
  deal('E4', {
    owner: 'Bob',
    stage: 'negotiation',
    amountCents: 900_000_00,
    history: [moved('need', 60), moved('negotiation', 2)],
  }),
  deal('E5', {
    owner: 'Bob',
    stage: 'won',
    closeDate: '2026-02-25',
    history: [moved('need', 60), moved('won', 5)],
  }),
  deal('W1', {
    team: 'West',
    owner: 'Cy',
    stage: 'proposal',
    history: [moved('need', 60), moved('proposal', 20)],
  }),
];

/** A workspace holding the review deals, its clock at AS_OF. */
export async function reviewWorkspace(): Promise<{
  registry: Registry;
  ws: Awaited<ReturnType<typeof workspaceOf>>['ws'];
}> {
  const { ws, registry } = await workspaceOf([...DEFAULT_STAGES], REVIEW_DEALS);
  writeSetting(ws, 'workspace.clock', AS_OF);
  return { ws, registry };
}

/** Deals CSV rows in the canonical format, for re-importing newer CRM data of the same deals. */
export function dealsCsv(rows: Partial<Record<string, string>>[]): string {
  const columns = COLUMNS.deals;
  return [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

/** The proposed agenda of a style, saved as a draft and started. */
export async function startedReview(
  registry: Registry,
  title = 'East weekly',
  scope: { team: string | null; reps: string[] } = { team: 'East', reps: [] },
  style = 'flagged',
): Promise<Meeting> {
  const proposal = await call<AgendaProposal>(registry, 'review.propose', {
    scope,
    style,
    budgetMinutes: 30,
  });
  const draft = await call<Meeting>(registry, 'review.save', {
    title,
    scope,
    style,
    budgetMinutes: 30,
    agenda: proposal.agenda.map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
  });
  return call<Meeting>(registry, 'review.start', { id: draft.id });
}

export { call };
