import type { Db } from '../db/query';
import { loadStages } from '../stages/model';
import { DEAL_INPUT_COLUMNS, newDictionaries, SnapshotBuilder, type DealInput } from './builder';
import { mergeColumns } from './merge';
import type { Snapshot } from './snapshot';

/**
 * Reads deals into a snapshot: all of them (a build) or those written after a revision
 * (a patch). Two statements, both in `seq` order, walked side by side.
 *
 * The history comes aggregated per deal (the field's letter and instant of each row, and a
 * JSON array of the values, which may hold any character): 200k rows instead of 2.2M,
 * which is what makes a full build take seconds instead of twice that (better-sqlite3
 * pays per row, and per JSON-quoted number). The rows are aggregated while the
 * scan walks the index on (deal_seq, changed_at), whose last key is the rowid, i.e. in
 * time order with ties in insertion (file) order, the order every rule needs;
 * tests/unit/analytics/snapshot.test.ts pins that order with ties inserted out of order.
 */
const DEALS_SQL = `select ${DEAL_INPUT_COLUMNS.join(', ')} from deals`;

const HISTORY_SQL = `select deal_seq,
  group_concat(case field when 'stage' then 's' when 'amount' then 'a' when 'close_date' then 'c'
    when 'forecast_category' then 'f' else 'o' end || changed_at, ','),
  json_group_array(value)
  from deal_history indexed by deal_history_deal`;

const CHANGED = 'deal_seq in (select seq from deals where revision > ?)';

export function maxRevision(ws: Db): number {
  return ws.sqlite.prepare('select coalesce(max(revision), 0) from deals').pluck().get() as number;
}

export function dealCount(ws: Db): number {
  return ws.sqlite.prepare('select count(*) from deals').pluck().get() as number;
}

/** Reads every deal written after `revision` (all of them for -1) into the builder, in seq order. */
export function readDeals(ws: Db, builder: SnapshotBuilder, revision: number): void {
  // A patch reads a few deals by their revision: the planner, seeing `order by seq`,
  // would rather scan all 200k deals in seq order (70 ms) than sort the few it finds.
  const where = revision < 0 ? '' : ' indexed by deals_revision where revision > ?';
  const params = revision < 0 ? [] : [revision];
  const deals = ws.sqlite
    .prepare(`${DEALS_SQL}${where} order by seq`)
    .raw(true)
    .iterate(...params) as IterableIterator<DealInput>;
  const history = ws.sqlite
    .prepare(`${HISTORY_SQL}${revision < 0 ? '' : ` where ${CHANGED}`} group by deal_seq order by deal_seq`)
    .raw(true)
    .iterate(...params) as IterableIterator<[number, string, string]>;
  let next = history.next();
  for (const deal of deals) {
    // Deals without history have no row here: skip nothing, wait for the next seq.
    const seq = deal[0];
    while (!next.done && next.value[0] < seq) next = history.next();
    if (!next.done && next.value[0] === seq) {
      builder.add(deal, next.value[1], JSON.parse(next.value[2]) as string[]);
      next = history.next();
    } else builder.add(deal, '', []);
  }
  // Finish the iterator so the statement resets (another statement may run on this connection).
  while (!next.done) next = history.next();
}

/** A snapshot of the whole workspace, inside one read transaction (one consistent state). */
export function buildSnapshot(ws: Db, version: number): Snapshot {
  return ws.sqlite
    .transaction(() => {
      const revision = maxRevision(ws);
      const builder = new SnapshotBuilder(newDictionaries());
      readDeals(ws, builder, -1);
      return builder.finish(version, revision, loadStages(ws));
    })
    .deferred();
}

/**
 * The previous snapshot with the deals written since it was built read again (and new
 * ones added); null when deals have disappeared (a demo replaced, a workspace reset),
 * which only a full build can see.
 */
export function patchSnapshot(ws: Db, previous: Snapshot, version: number): Snapshot | null {
  return ws.sqlite
    .transaction(() => {
      const revision = maxRevision(ws);
      const count = dealCount(ws);
      // Nothing written to the deals (a stage-model edit, notes, preferences): the same
      // columns under a new version, with the stage model read again.
      if (revision === previous.revision && count === previous.deals.count)
        return { ...previous, version, stages: loadStages(ws) };
      const changed = new SnapshotBuilder(previous.dictionaries);
      if (revision > previous.revision) readDeals(ws, changed, previous.revision);
      const fresh = changed.finish(version, revision, previous.stages);
      // The seqs read again, marked in a byte per seq (a Set's lookups cost 20 ms at 200k).
      let top = 0;
      for (const seq of previous.deals.seq) if (seq > top) top = seq;
      const replaced = new Uint8Array(top + 1);
      for (const seq of fresh.deals.seq) if (seq <= top) replaced[seq] = 1;
      const keep = new Uint8Array(previous.deals.count);
      let kept = 0;
      for (let i = 0; i < previous.deals.count; i++)
        if (!replaced[previous.deals.seq[i]!]) {
          keep[i] = 1;
          kept++;
        }
      if (kept + fresh.deals.count !== count) return null;
      return {
        ...mergeColumns(previous, keep, fresh),
        version,
        revision,
        stages: loadStages(ws),
        dictionaries: previous.dictionaries,
      };
    })
    .deferred();
}
