import type { Channel, EventName } from '../shared/contract';

/**
 * The contract's channel and event names as plain data, so the sandboxed preload can
 * refuse unknown names without bundling zod and the schemas. `Record<Channel, true>`
 * makes a missing or extra name a type error; `tests/unit/shell/preload-channels.test.ts`
 * also compares the list with `Object.keys(contract)` at run time. A new channel in
 * `src/shared/contract.ts` therefore needs one line here.
 */
const channels: Record<Channel, true> = {
  'workspace.info': true,
  'pipeline.facets': true,
  'pipeline.list': true,
  'deal.get': true,
  'notes.save': true,
  'notes.delete': true,
  'preferences.get': true,
  'preferences.set': true,
  'import.check': true,
  'import.apply': true,
  'export.csv': true,
};

const backendEvents: Record<EventName, true> = {
  'workspace.changed': true,
  'import.progress': true,
};

export const CHANNELS: readonly Channel[] = Object.freeze(Object.keys(channels) as Channel[]);
export const BACKEND_EVENTS: readonly EventName[] = Object.freeze(Object.keys(backendEvents) as EventName[]);
