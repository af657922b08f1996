import { FORECAST_CATEGORIES, type Stage } from '@shared/domain/stages';
import { hasNoNextStep } from '@shared/domain/attention';
import { amountCents } from '@shared/domain/field-values';
import { monthIndex } from '@shared/time';
import { dayNumber } from '@shared/time';
import { Dictionary } from './dictionary';
import type { Dictionaries, FieldTimeline, Snapshot } from './snapshot';

/**
 * One deal as the loader reads it, columns in storage units, as a row array (in this
 * order) rather than an object: better-sqlite3 builds arrays a third faster, and the
 * loader reads 200k of them.
 */
export type DealInput = readonly [
  seq: number,
  id: string,
  name: string,
  account: string,
  owner: string,
  team: string,
  amountCents: number,
  stage: string,
  createdAt: number,
  closeDate: string | null,
  forecastCategory: string,
  product: string,
  nextStep: string,
  lastActivityAt: number | null,
  deletedAt: number | null,
];

/** The columns of DealInput, in its order (load.ts selects them so). */
export const DEAL_INPUT_COLUMNS = [
  'seq',
  'id',
  'name',
  'account',
  'owner',
  'team',
  'amount_cents',
  'stage',
  'created_at',
  'close_date',
  'forecast_category',
  'product',
  'next_step',
  'last_activity_at',
  'deleted_at',
] as const;

/** The field letters of the loader's history codes: stage, amount, close_date, forecast_category (owner: o). */
const S = 's'.charCodeAt(0);
const A = 'a'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
const F = 'f'.charCodeAt(0);

export function newDictionaries(): Dictionaries {
  const category = new Dictionary();
  // Codes in the contract's order, so a code is stable across workspaces.
  for (const c of FORECAST_CATEGORIES) category.code(c);
  return {
    stage: new Dictionary(),
    owner: new Dictionary(),
    team: new Dictionary(),
    product: new Dictionary(),
    category,
  };
}

/**
 * Cents of a stored amount. The import and the sync store amounts as formatAmount writes
 * them (`-12345.6`), read here without a regex (280k of them in a large workspace);
 * anything else goes through the full parser.
 */
function centsOf(value: string): number {
  const dot = value.indexOf('.');
  const whole = dot < 0 ? value : value.slice(0, dot);
  const frac = dot < 0 ? '' : value.slice(dot + 1);
  if (frac.length <= 2 && /^-?\d{1,13}$/.test(whole) && /^\d*$/.test(frac)) {
    const cents = Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, '0'));
    return whole.startsWith('-') ? -cents : cents;
  }
  return amountCents(value);
}

/** `YYYY-MM-DD` → day number; '' or null (no date) → NaN. */
const closeDayOf = (value: string | null): number => (value ? dayNumber(value) : Number.NaN);

class TimelineBuilder {
  readonly start: number[] = [0];
  readonly at: number[] = [];
  readonly value: number[] = [];
  readonly column: number[] = [];

  close(column: number): void {
    this.column.push(column);
    this.start.push(this.at.length);
  }

  copy(from: FieldTimeline, i: number): void {
    for (let r = from.start[i]!; r < from.start[i + 1]!; r++) {
      this.at.push(from.at[r]!);
      this.value.push(from.value[r]!);
    }
    this.close(from.column[i]!);
  }

  finish(): FieldTimeline {
    return {
      start: Int32Array.from(this.start),
      at: Float64Array.from(this.at),
      value: Float64Array.from(this.value),
      column: Float64Array.from(this.column),
    };
  }
}

/**
 * Builds a snapshot deal by deal: from the loader's rows (a full build), or by copying
 * deals of the previous snapshot that did not change (a patch).
 */
export class SnapshotBuilder {
  private readonly seq: number[] = [];
  private readonly id: string[] = [];
  private readonly name: string[] = [];
  private readonly account: string[] = [];
  private readonly createdAt: number[] = [];
  private readonly createdMonth: number[] = [];
  private readonly deletedAt: number[] = [];
  private readonly lastActivityAt: number[] = [];
  private readonly team: number[] = [];
  private readonly product: number[] = [];
  private readonly noNextStep: number[] = [];
  private readonly visitStart: number[] = [0];
  private readonly visitStage: number[] = [];
  private readonly visitEntered: number[] = [];
  private readonly amount = new TimelineBuilder();
  private readonly closeDay = new TimelineBuilder();
  private readonly category = new TimelineBuilder();
  private readonly owner = new TimelineBuilder();

  constructor(readonly dictionaries: Dictionaries) {}

  get count(): number {
    return this.seq.length;
  }

  /**
   * Adds a deal from its columns and its history rows in time order (ties in the order
   * they were written), as the loader reads them: `codes` holds each row's field letter
   * and instant (`s1767225600000,a1767225600000,…`), `values` the rows' values in the same
   * order. Parsed in place, without an object per row (2.2M of them in a large workspace).
   */
  add(deal: DealInput, codes: string, values: readonly string[]): void {
    const d = this.dictionaries;
    const createdAt = deal[8];
    this.seq.push(deal[0]);
    this.id.push(deal[1]);
    this.name.push(deal[2]);
    this.account.push(deal[3]);
    this.createdAt.push(createdAt);
    this.createdMonth.push(monthIndex(createdAt));
    this.deletedAt.push(deal[14] ?? Number.POSITIVE_INFINITY);
    this.lastActivityAt.push(deal[13] ?? Number.NaN);
    this.team.push(d.team.code(deal[5]));
    this.product.push(d.product.code(deal[11]));
    this.noNextStep.push(hasNoNextStep(deal[12]) ? 1 : 0);

    // The stage timeline: from created_at in the stage of the earliest stage row (or the
    // column without rows), then a new visit at each row of another stage. A row stamped
    // before the deal existed counts as stamped at its creation (the import already moves
    // such rows; a synced row may not have been).
    let current = -1;
    let pos = 0;
    for (let i = 0; i < values.length; i++) {
      const comma = codes.indexOf(',', pos);
      const end = comma < 0 ? codes.length : comma;
      const field = codes.charCodeAt(pos);
      const at = Math.max(Number(codes.slice(pos + 1, end)), createdAt);
      pos = end + 1;
      const value = values[i]!;
      if (field === S) {
        const code = d.stage.code(value);
        if (current === -1) {
          current = code;
          this.visitStage.push(code);
          this.visitEntered.push(createdAt);
        } else if (code !== current) {
          current = code;
          this.visitStage.push(code);
          this.visitEntered.push(at);
        }
      } else if (field === A) {
        this.amount.at.push(at);
        this.amount.value.push(centsOf(value));
      } else if (field === C) {
        this.closeDay.at.push(at);
        this.closeDay.value.push(closeDayOf(value));
      } else if (field === F) {
        this.category.at.push(at);
        this.category.value.push(d.category.code(value));
      } else {
        this.owner.at.push(at);
        this.owner.value.push(d.owner.code(value));
      }
    }
    if (current === -1) {
      this.visitStage.push(d.stage.code(deal[7]));
      this.visitEntered.push(createdAt);
    }
    this.visitStart.push(this.visitStage.length);
    this.amount.close(deal[6]);
    this.closeDay.close(closeDayOf(deal[9]));
    this.category.close(d.category.code(deal[10]));
    this.owner.close(d.owner.code(deal[4]));
  }

  /** Adds deal `i` of `from` unchanged (both snapshots share the dictionaries). */
  copy(from: Snapshot, i: number): void {
    const s = from.deals;
    this.seq.push(s.seq[i]!);
    this.id.push(s.id[i]!);
    this.name.push(s.name[i]!);
    this.account.push(s.account[i]!);
    this.createdAt.push(s.createdAt[i]!);
    this.createdMonth.push(s.createdMonth[i]!);
    this.deletedAt.push(s.deletedAt[i]!);
    this.lastActivityAt.push(s.lastActivityAt[i]!);
    this.team.push(s.team[i]!);
    this.product.push(s.product[i]!);
    this.noNextStep.push(s.noNextStep[i]!);
    const v = from.visits;
    for (let r = v.start[i]!; r < v.start[i + 1]!; r++) {
      this.visitStage.push(v.stage[r]!);
      this.visitEntered.push(v.enteredAt[r]!);
    }
    this.visitStart.push(this.visitStage.length);
    this.amount.copy(from.amount, i);
    this.closeDay.copy(from.closeDay, i);
    this.category.copy(from.category, i);
    this.owner.copy(from.owner, i);
  }

  finish(version: number, revision: number, stages: readonly Stage[]): Snapshot {
    return {
      version,
      revision,
      stages,
      dictionaries: this.dictionaries,
      deals: {
        count: this.seq.length,
        seq: Int32Array.from(this.seq),
        id: this.id,
        name: this.name,
        account: this.account,
        createdAt: Float64Array.from(this.createdAt),
        createdMonth: Int32Array.from(this.createdMonth),
        deletedAt: Float64Array.from(this.deletedAt),
        lastActivityAt: Float64Array.from(this.lastActivityAt),
        team: Int32Array.from(this.team),
        product: Int32Array.from(this.product),
        noNextStep: Uint8Array.from(this.noNextStep),
      },
      visits: {
        start: Int32Array.from(this.visitStart),
        stage: Int32Array.from(this.visitStage),
        enteredAt: Float64Array.from(this.visitEntered),
      },
      amount: this.amount.finish(),
      closeDay: this.closeDay.finish(),
      category: this.category.finish(),
      owner: this.owner.finish(),
    };
  }
}
