import { expect } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/renderer/src/App';
import { FakeBackend, type FakeOptions } from './fakeBackend';

/** Renders the whole app against a fake backend and waits for the first deals. */
export async function renderApp(options: FakeOptions | FakeBackend = {}) {
  const backend = options instanceof FakeBackend ? options : new FakeBackend(options);
  const user = userEvent.setup();
  const view = render(<App transport={backend} env="test" />);
  await waitFor(() => expect(screen.getAllByTestId('deal-row').length).toBeGreaterThan(0), { timeout: 5000 });
  return { backend, user, ...view };
}

export const rows = () => screen.getAllByTestId('deal-row');
export const lastListCall = (backend: FakeBackend) => backend.callsTo('pipeline.list').at(-1)!;
