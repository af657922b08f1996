import type { PlanDraft, PreCallPlan } from '@shared/contract';
import type { Registry } from '@backend/registry';
import { call } from '../analytics/support';
import { AS_OF, reviewWorkspace } from '../review/support';

/**
 * The review tests' small pipeline (E1 proposal, E2 and E3 solution, E4 negotiation, E5
 * won, W1 proposal; clock at 2026-03-02, a Monday), for plans.
 */
export async function planWorkspace() {
  const { ws, registry } = await reviewWorkspace();
  return {
    ws,
    registry,
    call: <T>(channel: string, input: unknown = {}) => call<T>(registry, channel, input),
  };
}

/** The answer of a call that must fail: its error code and English message. */
export async function refusal(registry: Registry, channel: string, input: unknown) {
  const r = await registry.dispatch(channel, input, 'cli');
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return { code: r.error.code, message: r.error.message };
}

export const VISIT = '2026-03-04';
export { AS_OF };

/** A plan saved from the draft of a deal, with the fields a form fills in. */
export async function savedPlan(
  registry: Registry,
  dealId: string,
  extra: Record<string, unknown> = {},
): Promise<PreCallPlan> {
  const draft = await call<PlanDraft>(registry, 'plans.draft', { dealId, lang: 'zh-CN' });
  return call<PreCallPlan>(registry, 'plans.save', {
    dealId,
    visitDate: VISIT,
    objective: '让决策人认可方案方向',
    preparedBy: draft.preparedBy,
    items: draft.items,
    ...extra,
  });
}
