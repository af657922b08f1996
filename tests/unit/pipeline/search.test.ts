import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { searchChars } from '@backend/db/search-index';
import {
  BROAD_MATCHES,
  countSearchMatches,
  dealListQueries,
  FEW_MATCHES,
  listDeals,
} from '@backend/pipeline/deal-list';
import { replaceStages } from '@backend/stages/model';

/**
 * The deals table's search is LIKE's substring match (ASCII case folded, nothing else;
 * `%`, `_`, `"` and `\` literal) whichever index answers it: trigrams for 3+ characters,
 * one token a character for 1–2, LIKE itself for a search that matches most deals. Each
 * path is checked against a plain JavaScript reference on the same deals.
 */
let ws: Workspace;
const dir = mkdtempSync(join(tmpdir(), 'funnel-search-'));
const NOW = Date.parse('2026-11-20T00:00:00Z');
const stages = [...DEFAULT_STAGES];

beforeAll(async () => {
  ws = await openWorkspace(join(dir, 'w.db'), { create: true });
  replaceStages(ws, stages);
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What LIKE '%q%' means in SQLite: ASCII letters compare case-insensitively, nothing else does. */
const asciiLower = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase());
const likeMatches = (text: string, q: string) => asciiLower(text).includes(asciiLower(q));

const ALPHABET = [
  'a',
  'B',
  'c',
  'Z',
  '1',
  '0',
  ' ',
  '-',
  '%',
  '_',
  '"',
  '\\',
  '*',
  '华',
  '为',
  '王',
  '芳',
  'É',
  'é',
  'ß',
  '\n',
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((cs) => cs.join(''));

function write(deals: { name: string; account: string }[]): void {
  ws.sqlite.exec('delete from deals');
  const insert = ws.sqlite.prepare(
    `insert into deals(id, name, account, owner, stage, created_at, updated_at, stage_entered_at, search_text)
     values(?, ?, ?, 'o', 'need', 0, 0, 0, ?)`,
  );
  deals.forEach((d, i) => insert.run(`D${i}`, d.name, d.account, `${d.name}\n${d.account}\nD${i}\no`));
}

async function found(search: string, matches: number, filter: object = {}): Promise<string[]> {
  const { page } = dealListQueries(stages, NOW, { filter: { search, ...filter }, limit: 500 }, matches);
  return (await page.execute(ws.db)).rows.map((r) => r.id).sort();
}

describe('the deals table’s search', () => {
  it('returns exactly the deals LIKE would, on every path (few, many or most matches)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: text, account: text }), { maxLength: 25 }),
        fc.oneof(
          text.filter((q) => q.trim().length > 0),
          fc.constantFrom('华', '华为', 'ab', 'a', '%', '_', '"', 'é', 'É'),
        ),
        async (deals, raw) => {
          write(deals);
          const q = raw.trim();
          if (!q) return;
          const expected = deals
            .map((d, i) => ({ id: `D${i}`, text: `${d.name}\n${d.account}\nD${i}\no` }))
            .filter((d) => likeMatches(d.text, q))
            .map((d) => d.id)
            .sort();
          for (const matches of [0, FEW_MATCHES + 1, BROAD_MATCHES + 1])
            expect(await found(q, matches), `"${q}" with ${matches} matches`).toEqual(expected);
          expect((await listDeals(ws.db, stages, NOW, { filter: { search: raw }, limit: 500 })).total).toBe(
            expected.length,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the indexes in step when a deal is renamed or deleted', async () => {
    write([
      { name: '华为云', account: 'Acme' },
      { name: 'Beta', account: '王芳' },
    ]);
    expect(await countSearchMatches(ws.db, '华为')).toBe(1);
    ws.sqlite.exec(
      `update deals set name = 'Gamma', search_text = 'Gamma' || char(10) || account where id = 'D0'`,
    );
    expect(await countSearchMatches(ws.db, '华为')).toBe(0);
    expect(await found('gam', 0)).toEqual(['D0']);
    ws.sqlite.exec(`delete from deals where id = 'D1'`);
    expect(await countSearchMatches(ws.db, '王')).toBe(0);
    expect(await countSearchMatches(ws.db, 'beta')).toBe(0);
  });

  it('combines with the other filters and counts the deals it keeps', async () => {
    write([
      { name: 'Acme one', account: 'x' },
      { name: 'Acme two', account: 'y' },
      { name: 'Other', account: 'acme' },
    ]);
    ws.sqlite.exec(`update deals set stage = 'won' where id = 'D1'`);
    const page = await listDeals(ws.db, stages, NOW, {
      filter: { search: 'ACME', status: 'open' },
      limit: 500,
    });
    expect(page.rows.map((r) => r.id).sort()).toEqual(['D0', 'D2']);
    expect(page.total).toBe(2);
  });

  it('maps every character (code point) to exactly one token, as its definition says', () => {
    // The definition, written plainly: one token per code point, ASCII punctuation and
    // white space as U+E000 + two hex digits.
    const reference = (t: string) =>
      [...t]
        .map((c) => {
          const code = c.codePointAt(0)!;
          const alnum = /^[0-9A-Za-z]$/.test(c);
          return code < 0x80 && !alnum ? `\ue000${code.toString(16).padStart(2, '0')}` : c;
        })
        .join(' ');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constant('\ud83d'),
            fc.constant('\ude00'),
            fc.constantFrom('a', 'Z', '9', ' ', '"', '\n', '-', '\u007f', 'é', '华'),
          ),
          maxLength: 20,
        }),
        (t) => {
          expect(searchChars(t)).toBe(reference(t));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        expect(searchChars(t)).toBe(reference(t));
      }),
    );
  });

  it('maps every character to one token, and never changes that mapping (the index holds it)', () => {
    expect(searchChars('Ab1 华-"')).toBe('A b 1 \ue00020 华 \ue0002d \ue00022');
    expect(searchChars('')).toBe('');
  });
});
