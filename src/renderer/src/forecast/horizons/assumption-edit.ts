import {
  assumptionValuesSchema,
  type Assumption,
  type AssumptionKey,
  type AssumptionUnit,
  type AssumptionValues,
  type AssumptionsSave,
} from '@shared/contract';

/**
 * Editing the horizons' assumptions: how a value is typed (shares and growth rates as
 * percents, a trend of the win rate in percentage points, the rest as they are), which
 * values a field accepts (the contract's own bounds, so the field refuses what the backend
 * would), and the edits as the `overrides` of a call or the `values` to save.
 */

/** One assumption's place in the edits: its key, and for a stage's win rate the stage. */
export type AssumptionId = string;
export const assumptionId = (a: Pick<Assumption, 'key' | 'stage'>): AssumptionId =>
  a.stage === null ? a.key : `${a.key}:${a.stage}`;

/** What a field holds: a number typed, or '' while it is empty. */
export type FieldValue = number | '';

/** One edited field, with what it takes to turn it into a contract value. */
export interface Draft {
  key: AssumptionKey;
  stage: string | null;
  unit: AssumptionUnit;
  field: FieldValue;
}
/** The edits by assumption: they outlive a horizon switch, so each carries its own unit. */
export type Drafts = Readonly<Record<AssumptionId, Draft>>;

export const draftOf = (a: Pick<Assumption, 'key' | 'stage' | 'unit'>, field: FieldValue): Draft => ({
  key: a.key,
  stage: a.stage,
  unit: a.unit,
  field,
});

/** Typed as percents (or percentage points): the value × 100. */
const PERCENT_UNITS: ReadonlySet<AssumptionUnit> = new Set(['share', 'growthPerQuarter', 'pointsPerQuarter']);

/** The value as the field shows it. */
export const toField = (unit: AssumptionUnit, value: number): number =>
  PERCENT_UNITS.has(unit) ? value * 100 : value;

/** The field's number as the contract takes it. */
export const fromField = (unit: AssumptionUnit, field: number): number =>
  PERCENT_UNITS.has(unit) ? field / 100 : field;

/** Decimals a field keeps: enough to say the history's value, no false precision. */
export function fieldDecimals(unit: AssumptionUnit): number {
  switch (unit) {
    case 'money':
    case 'days':
      return 0;
    case 'pointsPerQuarter':
      return 2;
    default:
      return 1;
  }
}

/** The value the field starts from: the one the forecast used, rounded as the field shows it. */
export function fieldStart(a: Pick<Assumption, 'unit' | 'value'>): number {
  const scale = 10 ** fieldDecimals(a.unit);
  return Math.round(toField(a.unit, a.value) * scale) / scale;
}

type Bounded = { minValue: number | null; maxValue: number | null };

/** The contract's bounds of one assumption, in its own units. */
export function bounds(key: AssumptionKey): { min: number; max: number } {
  const shape = assumptionValuesSchema.shape;
  const schema: Bounded =
    key === 'stageWinRate' ? shape.stageWinRate.unwrap().valueType : shape[key].unwrap();
  return { min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity };
}

export type FieldError = { kind: 'required' } | { kind: 'range'; min: number; max: number };

/** Whether a field's number can be used; the bounds in the field's units when it cannot. */
export function checkField(a: Pick<Assumption, 'key' | 'unit'>, field: FieldValue): FieldError | null {
  if (field === '' || !Number.isFinite(field)) return { kind: 'required' };
  const { min, max } = bounds(a.key);
  const value = fromField(a.unit, field);
  // A little slack for the ×100 round trip (95 → 0.9500000000000001).
  const slack = 1e-9 * Math.max(1, Math.abs(max));
  if (value < min - slack || value > max + slack)
    return { kind: 'range', min: toField(a.unit, min), max: toField(a.unit, max) };
  return null;
}

/** Every draft's error, by id; empty when all can be used. */
export function draftErrors(drafts: Drafts): Record<AssumptionId, FieldError> {
  const errors: Record<AssumptionId, FieldError> = {};
  for (const [id, d] of Object.entries(drafts)) {
    const error = checkField(d, d.field);
    if (error) errors[id] = error;
  }
  return errors;
}

/** The drafts that can be used, as contract values (`overrides` of a call, `values` to save). */
export function draftValues(drafts: Drafts): AssumptionValues {
  const values: AssumptionValues = {};
  for (const d of Object.values(drafts)) {
    if (d.field === '' || checkField(d, d.field)) continue;
    const value = fromField(d.unit, d.field);
    if (d.key === 'stageWinRate') values.stageWinRate = { ...values.stageWinRate, [d.stage!]: value };
    else values[d.key] = value;
  }
  return values;
}

/** One assumption's value in an edit set, undefined when the set has none. */
export const valueIn = (
  values: AssumptionValues,
  a: Pick<Assumption, 'key' | 'stage'>,
): number | undefined => (a.key === 'stageWinRate' ? values.stageWinRate?.[a.stage!] : values[a.key]);

/** The edits not (or not yet) in an applied set: ids of fields to mark as not applied. */
export function pendingIds(drafts: Drafts, applied: AssumptionValues): Set<AssumptionId> {
  const ids = new Set<AssumptionId>();
  for (const [id, d] of Object.entries(drafts)) {
    if (d.field === '' || checkField(d, d.field) || fromField(d.unit, d.field) !== valueIn(applied, d))
      ids.add(id);
  }
  return ids;
}

/** The edit set without one assumption's value. */
export function withoutValue(
  values: AssumptionValues,
  a: Pick<Assumption, 'key' | 'stage'>,
): AssumptionValues {
  if (a.key !== 'stageWinRate') {
    const { [a.key]: _dropped, ...rest } = values;
    return rest;
  }
  const { [a.stage!]: _dropped, ...stages } = values.stageWinRate ?? {};
  const { stageWinRate: _all, ...rest } = values;
  return Object.keys(stages).length ? { ...rest, stageWinRate: stages } : rest;
}

/** How many values an edit set holds (each stage's win rate counts once). */
export const countValues = (values: AssumptionValues): number =>
  Object.entries(values).reduce(
    (n, [key, v]) => n + (key === 'stageWinRate' ? Object.keys(v as object).length : v === undefined ? 0 : 1),
    0,
  );

/** Whether two edit sets say the same. */
export function sameValues(a: AssumptionValues, b: AssumptionValues): boolean {
  const flat = (v: AssumptionValues) =>
    JSON.stringify(
      Object.entries(v)
        .flatMap(([key, x]) =>
          key === 'stageWinRate'
            ? Object.entries(x as Record<string, number>).map(([s, y]) => [`${key}:${s}`, y] as const)
            : [[key, x as number] as const],
        )
        .sort(([p], [q]) => p.localeCompare(q)),
    );
  return flat(a) === flat(b);
}

/** The edit that returns one assumption to the history's value when saved. */
export function backToHistory(a: Pick<Assumption, 'key' | 'stage'>): AssumptionsSave['values'] {
  return a.key === 'stageWinRate'
    ? { stageWinRate: { [a.stage!]: null } }
    : ({ [a.key]: null } as AssumptionsSave['values']);
}
