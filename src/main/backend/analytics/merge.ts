import type { DealColumns, FieldTimeline, Snapshot } from './snapshot';

/**
 * A patched snapshot's columns: the deals of `previous` that `keep` marks, followed by
 * every deal of `fresh`, copied as typed-array ranges (a run of kept deals is one
 * `set` per array), so re-reading 1,000 deals does not cost a pass of pushes over 2M rows.
 */
export function mergeColumns(
  previous: Snapshot,
  keep: Uint8Array,
  fresh: Snapshot,
): Pick<Snapshot, 'deals' | 'visits' | 'amount' | 'closeDay' | 'category' | 'owner'> {
  const order: [Snapshot, number][] = [];
  for (let i = 0; i < previous.deals.count; i++) if (keep[i]) order.push([previous, i]);
  for (let i = 0; i < fresh.deals.count; i++) order.push([fresh, i]);
  const n = order.length;

  const scalar = <A extends Float64Array | Int32Array | Uint8Array>(
    pick: (d: DealColumns) => A,
    make: (n: number) => A,
  ): A => {
    const out = make(n);
    order.forEach(([s, i], k) => (out[k] = pick(s.deals)[i]!));
    return out;
  };
  const strings = (pick: (d: DealColumns) => readonly string[]) => order.map(([s, i]) => pick(s.deals)[i]!);

  /** One CSR timeline: per deal its rows [start[i], start[i + 1]) of each value array. */
  function csr(pick: (s: Snapshot) => { start: Int32Array; values: (Float64Array | Int32Array)[] }) {
    const start = new Int32Array(n + 1);
    order.forEach(([s, i], k) => {
      const src = pick(s).start;
      start[k + 1] = start[k]! + src[i + 1]! - src[i]!;
    });
    const template = pick(previous).values;
    const values = template.map((v) => new (v.constructor as Float64ArrayConstructor)(start[n]!));
    order.forEach(([s, i], k) => {
      const src = pick(s);
      src.values.forEach((v, c) =>
        (values[c] as Float64Array).set(v.subarray(src.start[i]!, src.start[i + 1]!), start[k]!),
      );
    });
    return { start, values };
  }
  const field = (pick: (s: Snapshot) => FieldTimeline): FieldTimeline => {
    const { start, values } = csr((s) => ({ start: pick(s).start, values: [pick(s).at, pick(s).value] }));
    const column = new Float64Array(n);
    order.forEach(([s, i], k) => (column[k] = pick(s).column[i]!));
    return { start, at: values[0] as Float64Array, value: values[1] as Float64Array, column };
  };
  const visits = csr((s) => ({ start: s.visits.start, values: [s.visits.stage, s.visits.enteredAt] }));

  return {
    deals: {
      count: n,
      seq: scalar(
        (d) => d.seq,
        (m) => new Int32Array(m),
      ),
      id: strings((d) => d.id),
      name: strings((d) => d.name),
      account: strings((d) => d.account),
      createdAt: scalar(
        (d) => d.createdAt,
        (m) => new Float64Array(m),
      ),
      createdMonth: scalar(
        (d) => d.createdMonth,
        (m) => new Int32Array(m),
      ),
      deletedAt: scalar(
        (d) => d.deletedAt,
        (m) => new Float64Array(m),
      ),
      lastActivityAt: scalar(
        (d) => d.lastActivityAt,
        (m) => new Float64Array(m),
      ),
      team: scalar(
        (d) => d.team,
        (m) => new Int32Array(m),
      ),
      product: scalar(
        (d) => d.product,
        (m) => new Int32Array(m),
      ),
      noNextStep: scalar(
        (d) => d.noNextStep,
        (m) => new Uint8Array(m),
      ),
    },
    visits: {
      start: visits.start,
      stage: visits.values[0] as unknown as Int32Array,
      enteredAt: visits.values[1] as Float64Array,
    },
    amount: field((s) => s.amount),
    closeDay: field((s) => s.closeDay),
    category: field((s) => s.category),
    owner: field((s) => s.owner),
  };
}
