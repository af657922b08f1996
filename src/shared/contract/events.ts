import type { WriteActivity } from '@shared/contract/define';
import type { LiveState } from '@shared/contract/review';
import type { SyncProgressEvent, SyncRunSummary } from '@shared/contract/sync';

/** Events the backend pushes to every window (MessagePort) or browser tab (event stream). */
export interface Events {
  /** Announced by the registry after a writing channel succeeds (see `ChannelSpec.writes`). */
  'workspace.changed': { reason: WriteActivity };
  'import.progress': { phase: 'checking' | 'writing'; done: number; total: number };
  /** The analytics snapshot was built in the background: figures that waited for it can be fetched. */
  'analytics.ready': { version: number };
  /** A running review moved to another slide or its timer started or paused: the audience follows. */
  'review.live': LiveState;
  /** Something a meeting shows changed (a decision, an agreed value, a follow-up, its notes). */
  'review.changed': { meetingId: number };
  /** A CRM sync committed a page (or started a phase): the progress bar moves. */
  'sync.progress': SyncProgressEvent;
  /** A CRM sync run ended (done, interrupted or failed). */
  'sync.finished': SyncRunSummary;
}
export type EventName = keyof Events;

/** The event names as data (the sandboxed preload checks names without zod). */
const eventNames: Record<EventName, true> = {
  'workspace.changed': true,
  'import.progress': true,
  'analytics.ready': true,
  'review.live': true,
  'review.changed': true,
  'sync.progress': true,
  'sync.finished': true,
};
export const EVENT_NAMES: readonly EventName[] = Object.freeze(Object.keys(eventNames) as EventName[]);
