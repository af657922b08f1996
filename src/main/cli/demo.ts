import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDay } from '@shared/time';
import { args, positiveInt, requireDb, str, UsageError } from './args';
import { withSession } from './session';

export async function demoCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    deals: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  });
  const db = requireDb(values);
  const deals = positiveInt('deals', str(values.deals), 20_000);
  const seedText = str(values.seed);
  if (seedText !== undefined && !/^-?\d+$/.test(seedText))
    throw new UsageError(`--seed must be a whole number, not "${seedText}"`);
  const today = str(values.today);
  if (today !== undefined && !parseDay(today))
    throw new UsageError(`--today must be a day like 2026-11-20, not "${today}"`);
  const started = performance.now();
  // A demo that could not be made into a new file leaves no file behind.
  const existed = existsSync(db);
  const summary = await withSession(db, { create: true }, ({ call }) =>
    call('demo.generate', {
      deals,
      ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
      ...(today ? { today } : {}),
    }),
  ).catch((e: unknown) => {
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    throw e;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Created a demo workspace at ${resolve(db)}: ${summary.deals} deals, ${summary.historyRows} history rows, ` +
      `${summary.teams} teams, ${summary.reps} reps, up to ${summary.today} (seed ${summary.seed}, ${seconds.toFixed(1)} s).`,
  );
}
