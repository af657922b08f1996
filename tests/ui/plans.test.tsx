import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreCallPlan } from '@shared/contract';
import { renderApp, rows } from './render';
import type { TestWorkbench } from './support/workbench';

// jsdom has no canvas: the power map is drawn by ECharts in the e2e run (and its option is
// unit-tested); here the chart is its accessible name only.
vi.mock('../../src/renderer/src/charts/EChart', () => ({
  EChart: ({ title, testId }: { title: string; testId?: string }) => (
    <div role="img" aria-label={title} data-testid={testId} />
  ),
}));

// Each test starts on the pipeline (the app keeps its place in the URL's hash).
beforeEach(() => window.history.replaceState(null, '', '#/pipeline'));

/** Opens the drawer of an open deal in the given stage, found through the search box. */
async function openDealIn(stage: string) {
  const app = await renderApp();
  const deal = app.backend.deals.find((d) => d.stage === stage)!;
  await app.user.type(screen.getByTestId('search-input'), deal.id);
  await waitFor(() => expect(rows().map((r) => r.getAttribute('data-deal-id'))).toEqual([deal.id]));
  await app.user.click(rows()[0]!);
  const drawer = await screen.findByTestId('deal-drawer');
  await within(drawer).findByTestId('deal-plans');
  return { ...app, deal, drawer };
}

async function call<T>(backend: TestWorkbench, channel: string, input: unknown): Promise<T> {
  const r = await backend.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** A submitted plan for a deal, made through the backend as the editor would. */
async function submittedPlan(backend: TestWorkbench, dealId: string, objective: string) {
  const plan = await call<PreCallPlan>(backend, 'plans.save', {
    dealId,
    visitDate: '2026-12-03',
    objective,
    commitment: 'A technical workshop with their IT lead',
    preparedBy: 'Li Wei',
    items: [],
  });
  await call(backend, 'plans.submit', { planId: plan.id, by: 'Li Wei' });
  return plan;
}

describe('pre-call plan editor', () => {
  it('warns about a contract-stage action planned for a deal in solution exchange, then submits', async () => {
    const { backend, user, deal, drawer } = await openDealIn('solution');
    await user.click(within(drawer).getByTestId('plan-new'));
    const editor = await screen.findByTestId('plan-editor');
    await within(editor).findByTestId('plan-checklist');
    await waitFor(() => expect(backend.callsTo('plans.draft')).toEqual([{ dealId: deal.id, lang: 'en' }]));
    // The checklist starts from the stage's standard actions: none of them warns.
    const items = within(editor).getAllByTestId('checklist-item');
    expect(items.some((i) => i.textContent?.includes('Tailored solution'))).toBe(true);
    expect(within(editor).queryByTestId('stage-fit-warning')).toBeNull();

    // An action of the contract stage, picked from the grouped list.
    await user.click(within(editor).getByTestId('checklist-add-action'));
    await user.click(await screen.findByRole('option', { name: 'Contract' }));
    const warning = await within(editor).findByTestId('stage-fit-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.getAttribute('data-direction')).toBe('later');
    expect(warning.textContent).toContain('Belongs to Contract');
    expect(warning.textContent).toContain('“Contract” is a standard action of Contract, a later stage');
    expect(warning.textContent).toContain('the deal is in Solution exchange');
    expect(warning.textContent).toContain(
      'Solution exchange calls for: Tailored solution, Customer success stories',
    );

    // Required fields are said before anything is sent.
    await user.click(within(editor).getByTestId('plan-submit'));
    expect(await within(editor).findByTestId('plan-invalid')).toBeTruthy();
    expect(backend.callsTo('plans.save')).toEqual([]);

    await user.type(within(editor).getByTestId('plan-objective'), 'Agree the pilot scope');
    await user.type(within(editor).getByTestId('plan-commitment'), 'A pilot with two plants');
    await user.click(within(editor).getByTestId('plan-submit'));
    await waitFor(() => expect(backend.callsTo('plans.submit')).toHaveLength(1));
    const saved = backend.callsTo('plans.save')[0]!;
    expect(saved.objective).toBe('Agree the pilot scope');
    expect(saved.items.at(-1)).toMatchObject({
      text: 'Contract',
      stageKey: 'contract',
      source: 'other_stage',
    });
    await waitFor(() => expect(screen.queryByTestId('plan-editor')).toBeNull());
    const listed = await within(drawer).findByTestId('deal-plan');
    expect(within(listed).getByTestId('plan-status').textContent).toBe('Waiting for sign-off');
    expect(listed.textContent).toContain('1 action from another stage');
  });
});

describe('manager review queue', () => {
  it('sends a plan back only with a comment, approves another, and records the outcome', async () => {
    const app = await renderApp();
    const { backend, user } = app;
    const [a, b] = backend.deals.filter((d) => d.stage === 'negotiation');
    const returned = await submittedPlan(backend, a!.id, 'Walk the CFO through the terms');
    const approved = await submittedPlan(backend, b!.id, 'Meet the plant director');

    await user.click(screen.getByTestId('nav-plans'));
    const waiting = await screen.findByTestId('queue-waiting');
    await waitFor(() => expect(within(waiting).getAllByTestId('queue-row')).toHaveLength(2));

    // Send back: refused without a comment, said next to the field.
    const rowA = within(waiting)
      .getAllByTestId('queue-row')
      .find((r) => r.getAttribute('data-plan-id') === String(returned.id))!;
    rowA.focus();
    await user.keyboard('{Enter}');
    const signOff = await screen.findByTestId('sign-off');
    await user.type(within(signOff).getByTestId('sign-off-name'), 'Manager Zhao');
    await user.click(within(signOff).getByTestId('plan-return'));
    expect(await within(signOff).findByText(/a comment is required to send a plan back/)).toBeTruthy();
    expect(backend.callsTo('plans.review')).toEqual([]);
    await user.type(within(signOff).getByTestId('sign-off-comment'), 'Name the decision maker first');
    await user.click(within(signOff).getByTestId('plan-return'));
    await waitFor(() =>
      expect(backend.callsTo('plans.review')).toEqual([
        {
          planId: returned.id,
          decision: 'return',
          reviewer: 'Manager Zhao',
          comment: 'Name the decision maker first',
        },
      ]),
    );
    await screen.findByTestId('plan-decision');
    expect(screen.getByTestId('plan-decision').textContent).toContain('Name the decision maker first');

    // Back in the queue: one waits, one was sent back; approve the other with Alt+A.
    await user.click(screen.getByTestId('plan-back'));
    const returnedList = await screen.findByTestId('queue-returned');
    await waitFor(() => expect(within(returnedList).getAllByTestId('queue-row')).toHaveLength(1));
    await user.click(within(screen.getByTestId('queue-waiting')).getByTestId('queue-row'));
    await screen.findByTestId('sign-off');
    // The name is remembered from the last decision.
    expect((screen.getByTestId('sign-off-name') as HTMLInputElement).value).toBe('Manager Zhao');
    await user.keyboard('{Alt>}a{/Alt}');
    await waitFor(() =>
      expect(backend.callsTo('plans.review').at(-1)).toMatchObject({
        planId: approved.id,
        decision: 'approve',
      }),
    );

    // After the visit: the outcome beside the plan.
    const form = await screen.findByTestId('outcome-form');
    await user.click(within(form).getByTestId('outcome-objective'));
    await user.click(within(form).getByTestId('outcome-commitment'));
    await user.type(within(form).getByTestId('outcome-next-step'), 'Send the revised terms by Friday');
    await user.click(within(form).getByTestId('outcome-save'));
    await waitFor(() =>
      expect(backend.callsTo('plans.outcome')).toEqual([
        {
          planId: approved.id,
          objectiveMet: true,
          commitmentObtained: true,
          exitCriteriaMet: false,
          nextStep: 'Send the revised terms by Friday',
          notes: '',
          by: 'Manager Zhao',
        },
      ]),
    );
    const recorded = await screen.findByTestId('plan-outcome-recorded');
    expect(recorded.textContent).toContain('Send the revised terms by Friday');
    expect(
      within(screen.getByTestId('plan-history'))
        .getAllByRole('listitem')
        .map((l) => l.textContent),
    ).toEqual(expect.arrayContaining([expect.stringContaining('Approved by Manager Zhao')]));
  });

  it('asks before deleting a plan', async () => {
    const app = await renderApp();
    const deal = app.backend.deals.find((d) => d.stage === 'proposal')!;
    const plan = await submittedPlan(app.backend, deal.id, 'Present the quote');
    window.location.hash = `#/plans?id=${plan.id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await app.user.click(await screen.findByTestId('plan-delete'));
    const confirm = await screen.findByTestId('plan-delete-confirm');
    expect(confirm.textContent).toContain('This cannot be undone');
    expect(app.backend.callsTo('plans.delete')).toEqual([]);
    await app.user.click(within(confirm).getByTestId('plan-delete-yes'));
    await waitFor(() => expect(app.backend.callsTo('plans.delete')).toEqual([{ planId: plan.id }]));
    await screen.findByTestId('plan-queue');
  });
});

describe('standard actions in the stage model', () => {
  it('adds, reorders and saves a stage’s actions beside its buying phase and exit criteria', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getByTestId('nav-stages'));
    const solution = await screen.findByText('Solution exchange', { selector: 'h3' });
    const card = solution.closest<HTMLElement>('[data-testid="playbook-stage"]')!;
    expect(card.textContent).toContain('Solution evaluation');
    expect(card.textContent).toContain('The key decision maker endorsed the solution direction');
    const before = within(card).getAllByTestId('playbook-action').length;

    await user.click(within(card).getByTestId('playbook-add'));
    const save = screen.getByTestId('playbook-save');
    // Neither text written yet: said at the action, nothing sent.
    await user.click(save);
    expect(await within(card).findByText('Write the action in at least one language.')).toBeTruthy();
    expect(backend.callsTo('playbook.save')).toEqual([]);
    await user.type(
      within(card).getByLabelText(`Action ${before + 1} of Solution exchange (English)`),
      'Site visit',
    );
    await user.click(within(card).getByLabelText(`Move action ${before + 1} of Solution exchange up`));
    await user.click(save);
    await waitFor(() => expect(backend.callsTo('playbook.save')).toHaveLength(1));
    const sent = backend.callsTo('playbook.save')[0]!.playbooks.find((p) => p.stageKey === 'solution')!;
    expect(sent.actions).toHaveLength(before + 1);
    expect(sent.actions[before - 1]).toEqual({ textZh: '', textEn: 'Site visit' });
    // The existing actions keep their ids (plans that took them still point at them).
    expect(sent.actions.filter((a) => a.id !== undefined)).toHaveLength(before);
    await waitFor(() => expect(screen.getByTestId('playbook-save').hasAttribute('disabled')).toBe(true));
  });
});
