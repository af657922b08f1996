import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StageEntry } from '@shared/contract';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { renderApp } from './render';
import type { TestWorkbench } from './support/workbench';

// The area is the URL's hash: each test starts on the pipeline, as the app does.
afterEach(() => window.history.replaceState(null, '', '#/'));

async function openStages(options: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp(options);
  await app.user.click(screen.getByTestId('nav-stages'));
  await screen.findByTestId('stages-table');
  return app;
}

/** The model as stored in the workspace, read through the real registry. */
async function stored(backend: TestWorkbench): Promise<StageEntry[]> {
  const answer = await backend.invoke('stages.list', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as StageEntry[];
}

const stageRows = () => screen.getAllByTestId('stage-row');

describe('stage model', () => {
  it('is the last area before Settings, listing every stage by order with its fields', async () => {
    await openStages();
    const nav = screen.getAllByTestId(/^nav-/).map((a) => a.getAttribute('data-testid'));
    expect(nav.slice(-2)).toEqual(['nav-stages', 'nav-settings']);
    expect(screen.getByTestId('nav-stages').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Stage model');
    expect(stageRows()).toHaveLength(7);
    expect((screen.getByLabelText('English name of Need confirmed') as HTMLInputElement).value).toBe(
      'Need confirmed',
    );
    expect(
      (screen.getByLabelText('Probability (%) of Proposal & comparison') as HTMLInputElement).value,
    ).toBe('45');
    expect((screen.getByLabelText('Dwell limit (days) of Negotiation') as HTMLInputElement).value).toBe('14');
    expect((screen.getByLabelText('Follow-up (days) of Contract') as HTMLInputElement).value).toBe('1');
    expect((screen.getByLabelText('Follow-up (days) of Won') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Exit criteria of Need confirmed') as HTMLTextAreaElement).value).toMatch(
      /budget intent/,
    );
    // Every stage of the dataset is used by deals: its kind is fixed and it cannot be removed.
    expect((screen.getByLabelText('Kind of Won') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
    expect(within(stageRows()[0]!).getByText('In it now: 200 · in history: 1,000')).toBeTruthy();
  });

  it('edits a dwell limit, confirms what changes, saves it, and every view refetches', async () => {
    const { backend, user } = await openStages();
    const dwell = screen.getByLabelText('Dwell limit (days) of Need confirmed');
    await user.clear(dwell);
    await user.type(dwell, '10');
    expect(screen.getByTestId('stage-model-status').textContent).toBe('Unsaved changes');
    const facetsBefore = backend.callsTo('pipeline.facets').length;

    await user.click(screen.getByTestId('stages-save'));
    const confirm = await screen.findByTestId('stages-confirm');
    expect(within(confirm).getByTestId('stages-changes').textContent).toBe(
      'Need confirmed (need) · Dwell limit (days): 14 → 10',
    );
    await user.click(within(confirm).getByTestId('stages-confirm-save'));

    await waitFor(() => expect(backend.callsTo('stages.save')).toHaveLength(1));
    await waitFor(async () => expect((await stored(backend))[0]!.dwellLimitDays).toBe(10));
    await waitFor(() =>
      expect(screen.getByTestId('stage-model-status').textContent).toBe('No unsaved changes'),
    );
    expect(await screen.findByText('Stage model saved; every view now uses it.')).toBeTruthy();
    expect((screen.getByLabelText('Dwell limit (days) of Need confirmed') as HTMLInputElement).value).toBe(
      '10',
    );
    // workspace.changed reached the page: what is on screen is fetched again, and every
    // other view (here the pipeline, with its stage model) when it is next shown.
    await waitFor(() => expect(backend.callsTo('stages.list').length).toBeGreaterThanOrEqual(2));
    await user.click(screen.getByTestId('nav-pipeline'));
    await waitFor(() => expect(backend.callsTo('pipeline.facets').length).toBeGreaterThan(facetsBefore));
    const sent = backend.callsTo('stages.save')[0]!.stages;
    expect(sent.map((s) => s.key)).toEqual([
      'need',
      'solution',
      'proposal',
      'negotiation',
      'contract',
      'won',
      'lost',
    ]);
    expect(sent.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows a broken rule beside its field and in an alert, and sends nothing', async () => {
    const { backend, user } = await openStages();
    const name = screen.getByLabelText('English name of Solution exchange');
    await user.clear(name);
    // The row is now named by its key; the field says what is wrong.
    const field = screen.getByLabelText('English name of solution');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Stage "solution": the English name is empty.',
    );
    const probability = screen.getByLabelText('Probability (%) of Need confirmed');
    await user.clear(probability);
    await user.type(probability, '150');

    await user.click(screen.getByTestId('stages-save'));
    const alert = await screen.findByTestId('stages-invalid');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Stage "solution": the English name is empty.');
    expect(alert.textContent).toContain('Stage "need": the probability must be from 0% to 100%, not 150%.');
    expect(screen.queryByTestId('stages-confirm')).toBeNull();
    expect(backend.callsTo('stages.save')).toHaveLength(0);

    await user.click(screen.getByTestId('stages-discard'));
    expect((screen.getByLabelText('English name of Solution exchange') as HTMLInputElement).value).toBe(
      'Solution exchange',
    );
    expect(screen.queryByTestId('stages-invalid')).toBeNull();
    expect((screen.getByTestId('stages-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds a stage, moves it with the keyboard, and saves the new order', async () => {
    const { backend, user } = await openStages();
    await user.click(screen.getByRole('button', { name: 'Add a stage' }));
    // The new stage lands after the last open stage, and its key takes the focus.
    const key = screen.getByLabelText('Key of stage 6');
    expect(document.activeElement).toBe(key);
    await user.type(key, 'signed');
    await user.type(screen.getByLabelText('Chinese name of signed'), '已签约');
    await user.type(screen.getByLabelText('English name of signed'), 'Signed');
    await user.type(screen.getByLabelText('Probability (%) of Signed'), '95');
    await user.type(screen.getByLabelText('Dwell limit (days) of Signed'), '5');

    screen.getByRole('button', { name: 'Move Signed up' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Signed up' }));
    expect(within(stageRows()[4]!).getByLabelText('English name of Signed')).toBeTruthy();

    await user.click(screen.getByTestId('stages-save'));
    const changes = within(await screen.findByTestId('stages-confirm')).getByTestId('stages-changes');
    expect(changes.textContent).toContain('Add stage Signed (signed)');
    expect(changes.textContent).toContain(
      'New order: Need confirmed → Solution exchange → Proposal & comparison → Negotiation → Signed → Contract → Won → Lost',
    );
    await user.click(screen.getByTestId('stages-confirm-save'));
    await waitFor(async () =>
      expect((await stored(backend)).map((s) => s.key)).toEqual([
        'need',
        'solution',
        'proposal',
        'negotiation',
        'signed',
        'contract',
        'won',
        'lost',
      ]),
    );
    const signed = (await stored(backend)).find((s) => s.key === 'signed')!;
    expect(signed).toMatchObject({ name: '已签约', nameEn: 'Signed', probability: 0.95, dwellLimitDays: 5 });
    // An unused stage may go again.
    await user.click(await screen.findByRole('button', { name: 'Remove Signed' }));
    expect(stageRows()).toHaveLength(7);
  });

  it('shows the backend’s refusal beside the field it names', async () => {
    const { backend, user } = await openStages();
    const dwell = screen.getByLabelText('Dwell limit (days) of Contract');
    await user.clear(dwell);
    await user.type(dwell, '3');
    const say = msg('stage_kind_in_use', {
      stage: 'contract',
      from: msg('stage_kind_open'),
      to: msg('stage_kind_won'),
      deals: 2,
      history: 4,
    });
    backend.failNext(
      'stages.save',
      appError('invalid_input', msg('stages_invalid', { count: 1, first: say }), {
        issues: [{ index: 4, stage: 'contract', field: 'kind', say }],
      }),
    );
    await user.click(screen.getByTestId('stages-save'));
    await user.click(await screen.findByTestId('stages-confirm-save'));
    const alert = await screen.findByTestId('stages-invalid');
    expect(alert.textContent).toContain('the kind cannot change from open to won');
    const kind = screen.getByLabelText('Kind of Contract');
    expect(kind.getAttribute('aria-invalid')).toBe('true');
    // Nothing was stored; the edit is still there to fix or discard.
    expect((await stored(backend)).find((s) => s.key === 'contract')!.dwellLimitDays).toBe(7);
    expect(screen.getByTestId('stage-model-status').textContent).toBe('Unsaved changes');
  });

  it('keeps unsaved edits when the model changes elsewhere, and says so', async () => {
    const { backend, user } = await openStages();
    const dwell = screen.getByLabelText('Dwell limit (days) of Need confirmed');
    await user.clear(dwell);
    await user.type(dwell, '9');
    // Another window saves a different change (the registry announces it to this page too).
    const other = (await stored(backend)).map(({ name: _name, usage: _usage, ...s }) => s);
    other[1]!.followupDays = 2;
    const answer = await backend.invoke('stages.save', { stages: other });
    expect(answer.ok).toBe(true);
    expect(await screen.findByTestId('stages-changed')).toBeTruthy();
    expect((screen.getByLabelText('Dwell limit (days) of Need confirmed') as HTMLInputElement).value).toBe(
      '9',
    );

    await user.click(screen.getByTestId('stages-discard'));
    expect(screen.queryByTestId('stages-changed')).toBeNull();
    expect((screen.getByLabelText('Dwell limit (days) of Need confirmed') as HTMLInputElement).value).toBe(
      '14',
    );
    expect((screen.getByLabelText('Follow-up (days) of Solution exchange') as HTMLInputElement).value).toBe(
      '2',
    );
  });

  it('speaks Chinese', async () => {
    await openStages({ preferences: { language: 'zh-CN', theme: 'light' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('阶段模型');
    expect(screen.getByLabelText('需求确认的停留上限（天）')).toBeTruthy();
  });
});
