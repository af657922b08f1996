import type { z } from 'zod';
import type { ChannelSpec } from './define';
import { deckChannels } from './deck';
import { dealChannels } from './deals';
import { demoChannels } from './demo';
import { exportChannels } from './exports';
import { forecastChannels } from './forecast';
import { forecastAccuracyChannels } from './forecast-accuracy';
import { forecastHorizonsChannels } from './forecast-horizons';
import { workbackChannels } from './forecast-workback';
import { importChannels } from './imports';
import { mentorChannels } from './mentors';
import { noteChannels } from './notes';
import { pipelineChannels } from './pipeline';
import { planChannels } from './plans';
import { reportChannels } from './reports';
import { reviewChannels } from './review';
import { stageChannels } from './stages';
import { syncChannels } from './sync';
import { winModelChannels } from './win-model';
import { workspaceChannels } from './workspace';

/**
 * The one API contract, one file per area: channel name → zod input schema, result type,
 * whether it writes and who may call it. The backend registers a handler per channel
 * (`src/main/backend/<area>/handlers.ts`), the renderer calls `invoke()`; the desktop app
 * carries calls over a MessagePort, browser mode over HTTP, the CLI calls the registry
 * directly. Inputs are validated against these schemas whatever the transport.
 */

/** Joins the areas; a channel name declared by two areas is a start-up error, not a silent override. */
function combine<const A extends readonly Record<string, ChannelSpec>[]>(
  ...areas: A
): UnionToIntersection<A[number]> {
  const all: Record<string, ChannelSpec> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (Object.hasOwn(all, name)) throw new Error(`channel ${name} is declared twice in the contract`);
      all[name] = spec;
    }
  }
  return all as UnionToIntersection<A[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

export const contract = combine(
  workspaceChannels,
  pipelineChannels,
  dealChannels,
  noteChannels,
  importChannels,
  exportChannels,
  demoChannels,
  reportChannels,
  stageChannels,
  reviewChannels,
  syncChannels,
  planChannels,
  mentorChannels,
  forecastChannels,
  winModelChannels,
  deckChannels,
  forecastAccuracyChannels,
  forecastHorizonsChannels,
  workbackChannels,
);

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** Channels a window may call (the rest are the command line's alone). */
export type AppChannel = {
  [K in Channel]: Contract[K] extends { audience: 'cli' } ? never : K;
}[Channel];
export type InputOf<K extends Channel> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends Channel> = z.output<Contract[K]['input']>;
export type ResultOf<K extends Channel> = Contract[K]['result'];

export * from './common';
export * from './define';
export * from './events';
export * from './workspace';
export * from './pipeline';
export * from './deals';
export * from './notes';
export * from './imports';
export * from './exports';
export * from './demo';
export * from './reports';
export * from './stages';
export * from './review';
export * from './sync';
export * from './plans';
export * from './mentors';
export * from './forecast';
export * from './deck';
export * from './forecast-accuracy';
export * from './forecast-horizons';
export * from './forecast-workback';
export * from './win-model';
