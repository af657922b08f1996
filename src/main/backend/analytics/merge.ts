import type { DealColumns, FieldTimeline, Snapshot } from './snapshot';

type Typed = Float64Array | Int32Array | Uint8Array;

/**
 * A patched snapshot's columns: the deals of `previous` that `keep` marks, followed by
 * every deal of `fresh`. Kept deals come in long runs (an import rewrites a few deals of
 * many), and each run is copied with one `set` per typed array, so re-reading 1,000
 * deals of 200k costs a few copies of memory, not a pass of pushes over 2M rows.
 */
export function mergeColumns(
  previous: Snapshot,
  keep: Uint8Array,
  fresh: Snapshot,
): Pick<Snapshot, 'deals' | 'visits' | 'amount' | 'closeDay' | 'category' | 'owner'> {
  // Runs [from, to) of kept deals of `previous`, in order.
  const runs: [number, number][] = [];
  for (let i = 0; i < previous.deals.count;) {
    if (!keep[i]) {
      i++;
      continue;
    }
    const from = i;
    while (i < previous.deals.count && keep[i]) i++;
    runs.push([from, i]);
  }
  const kept = runs.reduce((n, [a, b]) => n + b - a, 0);
  const n = kept + fresh.deals.count;

  function scalar<A extends Typed>(pick: (d: DealColumns) => A): A {
    const source = pick(previous.deals);
    const out = new (source.constructor as new (length: number) => A)(n);
    let k = 0;
    for (const [a, b] of runs) {
      out.set(source.subarray(a, b), k);
      k += b - a;
    }
    out.set(pick(fresh.deals), k);
    return out;
  }
  function strings(pick: (d: DealColumns) => readonly string[]): string[] {
    const source = pick(previous.deals);
    // Native slices and one concat: element-wise pushes of 200k strings cost ten times more.
    return ([] as string[]).concat(...runs.map(([a, b]) => source.slice(a, b)), pick(fresh.deals));
  }
  /** One CSR timeline: `start` offsets and value arrays row-aligned with them. */
  function csr(pick: (s: Snapshot) => { start: Int32Array; values: Typed[] }) {
    const old = pick(previous);
    const add = pick(fresh);
    const rows =
      runs.reduce((r, [a, b]) => r + old.start[b]! - old.start[a]!, 0) + add.start[fresh.deals.count]!;
    const start = new Int32Array(n + 1);
    const values = old.values.map((v) => new (v.constructor as new (length: number) => Typed)(rows));
    let k = 0;
    let row = 0;
    for (const [a, b] of runs) {
      const shift = row - old.start[a]!;
      for (let i = a; i < b; i++) start[k + i - a + 1] = old.start[i + 1]! + shift;
      old.values.forEach((v, c) => values[c]!.set(v.subarray(old.start[a]!, old.start[b]!), row));
      row += old.start[b]! - old.start[a]!;
      k += b - a;
    }
    for (let j = 0; j < fresh.deals.count; j++) start[k + j + 1] = add.start[j + 1]! + row;
    add.values.forEach((v, c) => values[c]!.set(v.subarray(0, add.start[fresh.deals.count]!), row));
    return { start, values };
  }
  const field = (pick: (s: Snapshot) => FieldTimeline): FieldTimeline => {
    const { start, values } = csr((s) => ({ start: pick(s).start, values: [pick(s).at, pick(s).value] }));
    let k = 0;
    const column = new Float64Array(n);
    const source = pick(previous).column;
    for (const [a, b] of runs) {
      column.set(source.subarray(a, b), k);
      k += b - a;
    }
    column.set(pick(fresh).column, k);
    return { start, at: values[0] as Float64Array, value: values[1] as Float64Array, column };
  };
  const visits = csr((s) => ({ start: s.visits.start, values: [s.visits.stage, s.visits.enteredAt] }));

  return {
    deals: {
      count: n,
      seq: scalar((d) => d.seq),
      id: strings((d) => d.id),
      name: strings((d) => d.name),
      account: strings((d) => d.account),
      createdAt: scalar((d) => d.createdAt),
      createdMonth: scalar((d) => d.createdMonth),
      deletedAt: scalar((d) => d.deletedAt),
      lastActivityAt: scalar((d) => d.lastActivityAt),
      team: scalar((d) => d.team),
      product: scalar((d) => d.product),
      noNextStep: scalar((d) => d.noNextStep),
    },
    visits: {
      start: visits.start,
      stage: visits.values[0] as Int32Array,
      enteredAt: visits.values[1] as Float64Array,
    },
    amount: field((s) => s.amount),
    closeDay: field((s) => s.closeDay),
    category: field((s) => s.category),
    owner: field((s) => s.owner),
  };
}
