import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage: the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export function args(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function requireDb(values: Values): string {
  const db = str(values.db);
  if (!db) throw new UsageError('--db PATH is required');
  return db;
}

export function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--${name} must be a positive whole number, not "${text}"`);
  return Number(text);
}
