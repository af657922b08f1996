import type { StageDraftInput, StageEntry } from '@shared/contract';
import { percent, type CheckedStage } from '@shared/domain/stage-model';
import type { StageKind } from '@shared/domain/stages';

/**
 * The stage-model screen's working copy: one row per stage in funnel order, edited in
 * place until saved or discarded. Plain functions, so the screen stays about layout.
 */
export interface StageRow {
  /** Stable while editing: the stored key, or a counter for a new stage. */
  rid: string;
  /** The stage as stored; null for a stage added on this screen. */
  stored: StageEntry | null;
  key: string;
  nameZh: string;
  nameEn: string;
  kind: StageKind;
  /** 0–1; null while the input is empty. */
  probability: number | null;
  dwellLimitDays: number | null;
  followupDays: number | null;
  buyingPhase: string;
  exitCriteria: string;
}

/** The stored model as rows. A stage imported without localised names shows its imported name in both. */
export const rowsOf = (entries: readonly StageEntry[]): StageRow[] =>
  entries.map((s) => ({
    rid: `stored:${s.key}`,
    stored: s,
    key: s.key,
    nameZh: s.nameZh ?? s.name,
    nameEn: s.nameEn ?? s.name,
    kind: s.kind,
    probability: s.probability,
    dwellLimitDays: s.dwellLimitDays,
    followupDays: s.followupDays,
    buyingPhase: s.buyingPhase ?? '',
    exitCriteria: s.exitCriteria ?? '',
  }));

let added = 0;

/** A new open stage, to be named and keyed by the manager. */
export const newRow = (): StageRow => ({
  rid: `new:${++added}`,
  stored: null,
  key: '',
  nameZh: '',
  nameEn: '',
  kind: 'open',
  probability: null,
  dwellLimitDays: null,
  followupDays: null,
  buyingPhase: '',
  exitCriteria: '',
});

/** Where "Add a stage" puts the new one: after the last open stage (before won and lost). */
export function insertNew(rows: readonly StageRow[], row: StageRow): StageRow[] {
  let at = rows.length;
  for (let i = rows.length - 1; i >= 0; i--)
    if (rows[i]!.kind === 'open') {
      at = i + 1;
      break;
    }
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

export function move(rows: readonly StageRow[], index: number, by: -1 | 1): StageRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * The rows as the rules and the contract see them. The stored orders stay as they are
 * while the stored stages keep their sequence and nothing is added (an imported model's
 * 10, 20, 30 are kept); otherwise the stages are numbered 1, 2, 3… in the rows' order.
 */
export function checkedOf(rows: readonly StageRow[]): CheckedStage[] {
  const storedOrders = rows.map((r) => r.stored?.order);
  const keep = storedOrders.every((o, i) => o !== undefined && (i === 0 || o > storedOrders[i - 1]!));
  return rows.map((r, i) => ({
    key: r.key.trim(),
    nameZh: r.nameZh.trim(),
    nameEn: r.nameEn.trim(),
    order: keep ? r.stored!.order : i + 1,
    kind: r.kind,
    probability: r.probability,
    dwellLimitDays: r.dwellLimitDays,
    followupDays: r.followupDays,
    buyingPhase: r.buyingPhase.trim() || null,
    exitCriteria: r.exitCriteria.trim() || null,
  }));
}

/** What `stages.save` is sent; call once the rules pass (every probability is set). */
export const draftsOf = (rows: readonly StageRow[]): StageDraftInput[] =>
  checkedOf(rows).map((s) => ({
    ...s,
    nameZh: s.nameZh ?? '',
    nameEn: s.nameEn ?? '',
    probability: s.probability ?? 0,
  }));

const same = (a: readonly StageRow[], b: readonly StageRow[]) =>
  JSON.stringify(a.map(({ stored: _s, ...r }) => r)) === JSON.stringify(b.map(({ stored: _s, ...r }) => r));

export const isDirty = (rows: readonly StageRow[], base: readonly StageRow[]): boolean => !same(rows, base);

/** The editable fields a change line can name, with the column that names them. */
export const CHANGE_FIELDS = [
  ['nameZh', 'nameZh'],
  ['nameEn', 'nameEn'],
  ['kind', 'kind'],
  ['probability', 'probability'],
  ['dwellLimitDays', 'dwell'],
  ['followupDays', 'followup'],
  ['buyingPhase', 'buyingPhase'],
  ['exitCriteria', 'exitCriteria'],
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number][0];
export type ChangeColumn = (typeof CHANGE_FIELDS)[number][1];

export type Change =
  | { kind: 'added'; row: StageRow }
  | { kind: 'removed'; row: StageRow }
  | { kind: 'order'; rows: StageRow[] }
  | { kind: 'field'; row: StageRow; column: ChangeColumn; from: string | null; to: string | null };

const shown = (row: StageRow, field: ChangeField, kindName: (k: StageKind) => string): string | null => {
  const v = row[field];
  if (v === null || v === '') return null;
  if (field === 'probability') return `${percent(v as number)}%`;
  if (field === 'kind') return kindName(v as StageKind);
  return typeof v === 'string' ? v.trim() || null : String(v);
};

/** Everything saving would change, for the confirmation. */
export function changesOf(
  rows: readonly StageRow[],
  base: readonly StageRow[],
  kindName: (k: StageKind) => string,
): Change[] {
  const changes: Change[] = [];
  const now = new Map(rows.map((r) => [r.rid, r]));
  for (const b of base) if (!now.has(b.rid)) changes.push({ kind: 'removed', row: b });
  const before = new Map(base.map((r) => [r.rid, r]));
  for (const r of rows) {
    const b = before.get(r.rid);
    if (!b) {
      changes.push({ kind: 'added', row: r });
      continue;
    }
    for (const [field, column] of CHANGE_FIELDS) {
      const from = shown(b, field, kindName);
      const to = shown(r, field, kindName);
      if (from !== to) changes.push({ kind: 'field', row: r, column, from, to });
    }
  }
  const kept = base.filter((b) => now.has(b.rid)).map((b) => b.rid);
  const sequence = rows.filter((r) => before.has(r.rid)).map((r) => r.rid);
  const added = rows.some((r) => !before.has(r.rid));
  if (added || kept.join('\n') !== sequence.join('\n')) changes.push({ kind: 'order', rows: [...rows] });
  return changes;
}
