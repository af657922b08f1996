import { expect } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/renderer/src/App';
import { TestWorkbench, type WorkbenchOptions } from './support/workbench';

/** Renders the whole app against a real workbench on a temporary workspace and waits for the first deals. */
export async function renderApp(options: WorkbenchOptions | TestWorkbench = {}) {
  const backend = options instanceof TestWorkbench ? options : await TestWorkbench.open(options);
  const user = userEvent.setup();
  const view = render(<App transport={backend} env="test" />);
  await waitFor(() => expect(screen.getAllByTestId('deal-row').length).toBeGreaterThan(0), { timeout: 5000 });
  return { backend, user, ...view };
}

export const rows = () => screen.getAllByTestId('deal-row');
export const lastListCall = (backend: TestWorkbench) => backend.callsTo('pipeline.list').at(-1)!;
