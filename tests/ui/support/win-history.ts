import { DAY_MS, dayOf } from '@shared/time';
import { DealWriter } from '@backend/deals/writer';
import { NOW, OWNERS, TEAMS } from './dataset';
import type { TestWorkbench } from './workbench';

/**
 * Two years of closed deals (won and lost along five stage paths) written before the
 * imported pipeline, so the win-probability model has a history to learn from. Call before
 * the app first asks for a report: the analytics snapshot is built on first use.
 */
export function withClosedHistory(backend: TestWorkbench): TestWorkbench {
  const writer = new DealWriter(backend.ws, { source: 'csv', fresh: false });
  const paths = [
    ['need', 'lost'],
    ['need', 'solution', 'lost'],
    ['need', 'solution', 'proposal', 'won'],
    ['need', 'solution', 'proposal', 'negotiation', 'won'],
    ['need', 'solution', 'proposal', 'lost'],
  ];
  backend.ws.sqlite.transaction(() => {
    for (let i = 0; i < 700; i++) {
      const team = TEAMS[i % TEAMS.length]!;
      const owner = OWNERS[team][i % OWNERS[team].length]!;
      const createdAt = NOW - (730 - i) * DAY_MS;
      const path = paths[(i * 7) % paths.length]!;
      const step = (8 + (i % 13)) * DAY_MS;
      const history = [
        ...path.map((value, k) => ({ field: 'stage' as const, value, changedAt: createdAt + k * step })),
        { field: 'amount' as const, value: String(10_000 + (i % 9) * 5_000), changedAt: createdAt },
        { field: 'close_date' as const, value: dayOf(createdAt + 60 * DAY_MS), changedAt: createdAt },
        { field: 'owner' as const, value: owner, changedAt: createdAt },
      ];
      writer.write(
        {
          id: `H${String(i).padStart(4, '0')}`,
          name: `Past deal ${i}`,
          account: `Account ${i % 50}`,
          owner,
          team,
          amountCents: (10_000 + (i % 9) * 5_000) * 100,
          currency: 'CNY',
          stage: path.at(-1)!,
          createdAt,
          closeDate: dayOf(createdAt + 60 * DAY_MS),
          forecastCategory: 'closed',
          lostReason: '',
          product: '',
          nextStep: '',
          updatedAt: createdAt,
          lastActivityAt: null,
          deletedAt: null,
        },
        history,
      );
    }
    writer.finish();
  })();
  return backend;
}
