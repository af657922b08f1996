import type { HistoryField } from '@shared/domain/stages';
import type { HistoryValues } from '../deals/writer';

/**
 * A deal's history rows while its story is told, reused for every deal: the demo writes
 * millions of rows, and allocating them afresh per deal would keep the garbage collector
 * busy for nothing. Rows may be added out of time order; `sorted()` puts them in order.
 */
export class HistoryBuffer {
  private n = 0;
  private readonly fields: HistoryField[] = [];
  private readonly values: string[] = [];
  private readonly times: number[] = [];
  private readonly order: number[] = [];
  private readonly pool: HistoryValues[] = [];
  private readonly rows: HistoryValues[] = [];

  reset(): void {
    this.n = 0;
  }

  add(field: HistoryField, value: string, changedAt: number): void {
    const i = this.n++;
    this.fields[i] = field;
    this.values[i] = value;
    this.times[i] = changedAt;
  }

  /**
   * The rows by time. Stable (rows at one instant keep the order they happened in) and
   * linear for the nearly sorted rows a story produces: only the events inside one visit
   * are added out of order, and only among themselves. The array and its objects are
   * reused: valid until the next `reset`.
   */
  sorted(): readonly HistoryValues[] {
    const { order, times, n } = this;
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      let j = i - 1;
      while (j >= 0 && times[order[j]!]! > t) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = i;
    }
    while (this.pool.length < n) this.pool.push({ field: 'stage', value: '', changedAt: 0 });
    this.rows.length = n;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const row = this.pool[k]!;
      row.field = this.fields[i]!;
      row.value = this.values[i]!;
      row.changedAt = times[i]!;
      this.rows[k] = row;
    }
    return this.rows;
  }
}
