import type { ReportFrame, ReportScope } from '@shared/contract';
import type { FieldTimeline, Snapshot } from './snapshot';
import { valueAt } from './deal-state';

/** A report's question in numbers: the as-of instant, the window [from, to) and the filters. */
export interface Window {
  asOf: number;
  /** -Infinity without a lower bound. */
  from: number;
  /** As-of without an upper bound. */
  to: number;
  team: string | null;
  owner: string | null;
  product: string | null;
}

export function resolveWindow(scope: ReportScope, now: number): Window {
  const asOf = scope.asOf ?? now;
  return {
    asOf,
    from: scope.from ?? Number.NEGATIVE_INFINITY,
    to: scope.to ?? asOf,
    team: scope.team ?? null,
    owner: scope.owner ?? null,
    product: scope.product ?? null,
  };
}

export function frame(w: Window, s: Snapshot): ReportFrame {
  return {
    asOf: iso(w.asOf),
    from: Number.isFinite(w.from) ? iso(w.from) : null,
    to: iso(w.to),
    team: w.team,
    owner: w.owner,
    snapshotVersion: s.version,
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Which deals a report counts at all (PRODUCT.md, "What a report knows"): they exist at
 * as-of (created strictly before), and match `--team` (the deal's team) and `--owner`
 * (its owner at as-of), exactly, and the views' product filter likewise. Deletion is left to each report: `changes` keeps deleted
 * deals, the others leave out those deleted before as-of.
 */
export class DealScope {
  private readonly team: number;
  private readonly owner: number;
  private readonly product: number;
  private readonly createdAt: Float64Array;
  private readonly teams: Int32Array;
  private readonly products: Int32Array;
  private readonly owners: FieldTimeline;

  constructor(
    s: Snapshot,
    private readonly w: Window,
  ) {
    // A name no deal ever had gets code -1, which no deal has: the report is empty, not unfiltered.
    this.team = w.team === null ? -2 : s.dictionaries.team.find(w.team);
    this.owner = w.owner === null ? -2 : s.dictionaries.owner.find(w.owner);
    this.product = w.product === null ? -2 : s.dictionaries.product.find(w.product);
    this.createdAt = s.deals.createdAt;
    this.teams = s.deals.team;
    this.products = s.deals.product;
    this.owners = s.owner;
  }

  /** Whether a team, owner or product filter is set (creation before as-of is the only other test). */
  get filters(): boolean {
    return this.team !== -2 || this.owner !== -2 || this.product !== -2;
  }

  /**
   * Sets mask[d] = 1 for every deal `keeps` (the mask comes cleared), visiting only the
   * deals of the filter's team, product, or ever of its owner, in ascending order: for
   * a report that then reads deals out of order, one byte each instead of the timelines.
   */
  mark(mask: Uint8Array, s: Snapshot): Uint8Array {
    const candidates =
      this.team !== -2
        ? dealsWith(s, 'team', this.team)
        : this.product !== -2
          ? dealsWith(s, 'product', this.product)
          : this.owner !== -2
            ? dealsWith(s, 'owner', this.owner)
            : null;
    if (candidates === null) {
      for (let d = 0; d < mask.length; d++) if (this.keeps(d)) mask[d] = 1;
    } else for (const d of candidates) if (this.keeps(d)) mask[d] = 1;
    return mask;
  }

  keeps(d: number): boolean {
    if (!(this.createdAt[d]! < this.w.asOf)) return false;
    if (this.team !== -2 && this.teams[d] !== this.team) return false;
    if (this.product !== -2 && this.products[d] !== this.product) return false;
    if (this.owner !== -2 && valueAt(this.owners, d, this.w.asOf) !== this.owner) return false;
    return true;
  }
}

/**
 * The deals behind one number of a report, for drilling through: a report fills it only
 * for the cell asked for, so a report without a drill pays a comparison per cell.
 */
export class Members {
  readonly deals: number[] = [];
  constructor(readonly cell: string | null) {}

  wants(cell: string): boolean {
    return this.cell === cell;
  }
}

const byCode = new WeakMap<Snapshot, Map<string, Int32Array[]>>();

/** The deals (ascending) whose team or product is `code`, or whose owner ever was. */
function dealsWith(s: Snapshot, field: 'team' | 'product' | 'owner', code: number): Int32Array {
  if (code < 0) return new Int32Array(0);
  let bySnapshot = byCode.get(s);
  if (!bySnapshot) byCode.set(s, (bySnapshot = new Map()));
  let lists = bySnapshot.get(field);
  if (!lists) {
    const n = s.deals.count;
    const groups: number[][] = [];
    // Deals arrive in ascending order, so a deal already listed for a code is its last.
    const add = (c: number, d: number) => {
      const group = (groups[c] ??= []);
      if (group.at(-1) !== d) group.push(d);
    };
    if (field === 'owner') {
      const { start, value, column } = s.owner;
      for (let d = 0; d < n; d++) {
        if (start[d] === start[d + 1]) add(column[d]!, d);
        for (let r = start[d]!; r < start[d + 1]!; r++) add(value[r]!, d);
      }
    } else {
      const column = field === 'team' ? s.deals.team : s.deals.product;
      for (let d = 0; d < n; d++) add(column[d]!, d);
    }
    lists = Array.from(groups, (g) => Int32Array.from(g ?? []));
    bySnapshot.set(field, lists);
  }
  return lists[code] ?? new Int32Array(0);
}
