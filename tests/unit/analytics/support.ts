import { afterEach } from 'vitest';
import type { Stage } from '@shared/domain/stages';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import { DealWriter } from '@backend/deals/writer';
import { replaceStages } from '@backend/stages/model';
import type { Registry } from '@backend/registry';
import type { RefDeal } from './reference';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

/**
 * An in-memory workspace holding exactly these stages and deals, written by the same
 * writer the import uses, and the registry over it.
 */
export async function workspaceOf(
  stages: Stage[],
  deals: RefDeal[],
): Promise<{ ws: Workspace; registry: Registry; now: number }> {
  const ws = await openWorkspace(':memory:', { create: true });
  open.push(ws);
  ws.sqlite.transaction(() => {
    replaceStages(ws, stages);
    const writer = new DealWriter(ws, { source: 'csv', fresh: true });
    for (const d of deals) {
      writer.write(
        {
          id: d.id,
          name: `Deal ${d.id}`,
          account: `Account ${d.id}`,
          owner: d.owner,
          team: d.team,
          amountCents: d.amountCents,
          currency: 'CNY',
          stage: d.stage,
          createdAt: d.createdAt,
          closeDate: d.closeDate,
          forecastCategory: d.forecastCategory,
          lostReason: '',
          product: '',
          nextStep: d.nextStep,
          updatedAt: d.createdAt,
          lastActivityAt: d.lastActivityAt,
          deletedAt: d.deletedAt,
        },
        d.history.map((h) => ({
          field: h.field as 'stage',
          value: h.value,
          changedAt: Math.max(h.changedAt, d.createdAt),
        })),
      );
    }
    writer.finish();
  })();
  return { ws, registry: createBackend(ws), now: Date.parse('2027-01-01T00:00:00Z') };
}

export async function call<T>(registry: Registry, channel: string, input: unknown): Promise<T> {
  const r = await registry.dispatch(channel, input, 'cli');
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}
