import type { AppChannel } from '@shared/contract';
import { EVENT_NAMES, type EventName } from '@shared/contract/events';

/**
 * The names of the channels a window may call, as plain data, so the sandboxed preload can
 * refuse unknown names without bundling zod and the schemas. `Record<AppChannel, true>`
 * makes a missing or extra name a type error (the command line's own channels are not
 * listed: a window never reaches them); `tests/unit/shell/preload-bridge.test.ts` also
 * compares the list with the contract at run time. A new window channel in
 * `src/shared/contract/<area>.ts` therefore needs one line here.
 */
const channels: Record<AppChannel, true> = {
  'workspace.info': true,
  'pipeline.facets': true,
  'pipeline.list': true,
  'deal.get': true,
  'notes.save': true,
  'notes.delete': true,
  'preferences.get': true,
  'preferences.set': true,
  'import.preview': true,
  'import.check': true,
  'import.apply': true,
  'import.presets': true,
  'import.savePreset': true,
  'import.deletePreset': true,
  'export.csv': true,
  'report.funnel': true,
  'report.velocity': true,
  'report.changes': true,
  'report.cohorts': true,
  'report.attention': true,
  'report.pipeline': true,
  'report.reps': true,
  'analytics.settings': true,
  'analytics.saveSettings': true,
  'stages.list': true,
  'stages.save': true,
  'review.list': true,
  'review.propose': true,
  'review.save': true,
  'review.get': true,
  'review.start': true,
  'review.present': true,
  'review.record': true,
  'review.updateDecision': true,
  'review.deleteDecision': true,
  'review.agree': true,
  'review.followUp': true,
  'review.notes': true,
  'review.end': true,
  'review.delete': true,
  'review.compare': true,
  'review.minutesDocument': true,
  'review.minutes': true,
  'sync.connections': true,
  'sync.connect': true,
  'sync.test': true,
  'sync.disconnect': true,
  'sync.mapping': true,
  'sync.saveMapping': true,
  'sync.start': true,
  'sync.cancel': true,
  'sync.runs': true,
  'sync.quarantine': true,
  'sync.schedule': true,
};

export const CHANNELS: readonly AppChannel[] = Object.freeze(Object.keys(channels) as AppChannel[]);
/** The backend's events, from their one definition (plain data, no zod). */
export const BACKEND_EVENTS: readonly EventName[] = EVENT_NAMES;
