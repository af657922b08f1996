import type BetterSqlite3 from 'better-sqlite3';

/**
 * The deals table's substring search seeks instead of scanning (bench: the search at 200k
 * deals within the 30 ms p95 of the deals table): two contentless FTS5 indexes over each
 * deal's search_text (name, account, id, owner), kept in step by triggers on `deals`
 * (created by the initial migration):
 *  - deals_search_tri: the trigram tokenizer over lower(search_text), case-sensitive, so
 *    queried with lower(q) it folds ASCII case only, exactly as LIKE does; answers 3+ chars.
 *  - deals_search_chars: one token per character (`searchChars`), the `ascii` tokenizer;
 *    answers the 1–2 character queries trigrams cannot (a Chinese surname, 华为).
 */

/**
 * One token per character, for the `ascii` FTS5 tokenizer (which folds ASCII case only and
 * takes every non-ASCII character as a token character). ASCII letters and digits stay as
 * they are; every other ASCII character (space, newline, punctuation, the FTS quote ")
 * would be a separator there, so it becomes the token U+E000 + its code in two hex
 * digits, which no single character can be: every character of the text is exactly one
 * token, and a phrase of adjacent tokens is exactly a substring.
 *
 * The index holds what this returned when each deal was written: never change the mapping
 * without a migration that rebuilds deals_search_chars (a test pins it).
 */
export function searchChars(text: string): string {
  // Built by concatenation over UTF-16 units with a table for ASCII: it runs once per deal
  // in every refill, so it is kept cheap (a test pins it to the definition above).
  let out = '';
  let first = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let token: string;
    if (code < 0x80) token = ASCII_TOKENS[code]!;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one character; a lone surrogate is one too.
      token = next >= 0xdc00 && next <= 0xdfff ? text.slice(i, ++i + 1) : text[i]!;
    } else token = text[i]!;
    out = first ? token : `${out} ${token}`;
    first = false;
  }
  return out;
}

const isAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const ASCII_TOKENS: readonly string[] = Array.from({ length: 0x80 }, (_, code) =>
  isAlnum(code) ? String.fromCharCode(code) : `\ue000${code.toString(16).padStart(2, '0')}`,
);

/**
 * `search_chars(text)` for the deals_search_* triggers: every workspace connection
 * registers it before it writes (a connection without it, such as the sqlite3 shell, can
 * read a workspace but not change its deals).
 */
export function registerSearchFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('search_chars', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? searchChars(text) : '',
  );
}

/**
 * Runs `load` with the deals_search_* triggers dropped, then refills both indexes from
 * `deals` in one statement each and puts the triggers back (their SQL read from
 * sqlite_master, so a later migration that changes them is followed). FTS5 flushes its
 * pending terms at every statement, so row-by-row trigger upkeep costs 0.1–0.7 ms a row,
 * a refill ~13 µs a deal; and without the triggers `delete from deals` truncates. For a
 * fresh or large load; call it inside the caller's transaction (a failure rolls back the
 * dropped triggers too).
 */
export function withSearchIndexRebuilt<T>(sqlite: BetterSqlite3.Database, load: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withSearchIndexRebuilt must run inside a transaction');
  const triggers = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and name like 'deals\\_search\\_%' escape '\\'`,
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name.replaceAll('"', '""')}"`);
  const result = load();
  sqlite.exec(`
    insert into deals_search_tri(deals_search_tri) values ('delete-all');
    insert into deals_search_chars(deals_search_chars) values ('delete-all');
    insert into deals_search_tri(rowid, k) select seq, lower(search_text) from deals;
    insert into deals_search_chars(rowid, k) select seq, search_chars(search_text) from deals;
  `);
  for (const t of triggers) sqlite.exec(t.sql);
  return result;
}

/** Where the suspended upkeep's SQL is kept until it is put back (settings table). */
const SUSPENDED = 'deals.suspendedUpkeep';

/**
 * For a long load committed in many transactions (a first full CRM sync): drops the
 * deals' search triggers for good, keeping their SQL in the settings table in the same
 * transaction, so pages are written without ~44 µs a deal of search upkeep (FTS5 flushes
 * at every statement); the indexes are refilled once at the end (~13 µs a deal). Until
 * `resumeDealUpkeep` the deals written meanwhile are missing from searches. Should the
 * process die first, opening the workspace resumes it (see connection.ts).
 *
 * The pipeline screen's partial indexes (deals_live_*) stay: without them the deals
 * table would scan during the sync (bench at 40k deals: 4.5 ms a page of the table with
 * them, ~50 ms without), although they cost the sync most of its writing time.
 */
export function suspendDealUpkeep(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    const objects = sqlite
      .prepare(
        `select type, name, sql from sqlite_master
         where type = 'trigger' and name like 'deals\\_search\\_%' escape '\\'`,
      )
      .all() as { type: string; name: string; sql: string }[];
    if (objects.length === 0) return;
    sqlite
      .prepare(
        `insert into settings(key, value) values(?, ?) on conflict(key) do update set value = excluded.value`,
      )
      .run(SUSPENDED, JSON.stringify(objects));
    for (const o of objects) sqlite.exec(`drop ${o.type} "${o.name.replaceAll('"', '""')}"`);
  })();
}

/**
 * Rebuilds what `suspendDealUpkeep` dropped: the indexes, the search indexes refilled from
 * the deals, the triggers; nothing when nothing is suspended.
 */
export function resumeDealUpkeep(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.transaction(() => {
    const stored = sqlite.prepare('select value from settings where key = ?').pluck().get(SUSPENDED) as
      string | undefined;
    if (stored === undefined) return false;
    const objects = JSON.parse(stored) as { type: string; name: string; sql: string }[];
    for (const o of objects) if (o.type === 'index') sqlite.exec(o.sql);
    if (objects.some((o) => o.type === 'trigger')) {
      sqlite.exec(`
        insert into deals_search_tri(deals_search_tri) values ('delete-all');
        insert into deals_search_chars(deals_search_chars) values ('delete-all');
        insert into deals_search_tri(rowid, k) select seq, lower(search_text) from deals;
        insert into deals_search_chars(rowid, k) select seq, search_chars(search_text) from deals;
      `);
      for (const o of objects) if (o.type === 'trigger') sqlite.exec(o.sql);
    }
    sqlite.prepare('delete from settings where key = ?').run(SUSPENDED);
    return true;
  })();
}
