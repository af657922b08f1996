import { z } from 'zod';
import type { ChannelSpec } from '@shared/contract/define';

/** Far beyond any benchmark; a typo like `--deals 2e9` should fail fast, not fill the disk. */
export const MAX_DEMO_DEALS = 5_000_000;

export interface DemoSummary {
  deals: number;
  historyRows: number;
  teams: number;
  reps: number;
  today: string;
  seed: number;
}

/** A realistic demo company, generated into an empty workspace (deterministic for a seed). */
export const demoChannels = {
  'demo.generate': {
    input: z.object({
      // Ranges and the calendar are checked by the generator, whose refusals say what to type.
      deals: z.number().int().optional(),
      seed: z.number().int().optional(),
      /** `YYYY-MM-DD`, the last day of the demo's history; default yesterday (UTC). */
      today: z.string().max(100).optional(),
    }),
    result: {} as DemoSummary,
    writes: 'demo',
    audience: 'cli',
  },
} as const satisfies Record<string, ChannelSpec>;
