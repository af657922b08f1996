import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Assumption, AssumptionValues, HorizonsInput, SavedAssumptions } from '@shared/contract';
import { useApi } from '../../api/ApiProvider';
import {
  assumptionId,
  backToHistory,
  countValues,
  draftErrors,
  draftOf,
  draftValues,
  fieldStart,
  pendingIds,
  sameValues,
  withoutValue,
  type Drafts,
  type FieldValue,
} from './assumption-edit';
import { horizonsQuery, useResetAssumptions, useSaveAssumptions, type AssumptionScope } from './useHorizons';

/**
 * The assumptions being edited and what the forecast is asked with. Edits are drafts until
 * applied; Apply asks the backend with them first and only then shows its answer, so the
 * figures on screen always belong to values the backend accepted (a refusal leaves the last
 * figures and says why). Save keeps the drafts for the scope, after which the forecast reads
 * them as saved values and the what-if is over. Drafts outlive a horizon switch: an edit of
 * the win rate carries from the year to the three years.
 */
export function useAssumptionEdits(base: HorizonsInput, scope: AssumptionScope) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [applied, setApplied] = useState<AssumptionValues>({});
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(null);
  const save = useSaveAssumptions();
  const reset = useResetAssumptions();

  const input = useMemo<HorizonsInput>(
    () => (countValues(applied) ? { ...base, overrides: applied } : base),
    [base, applied],
  );
  const errors = useMemo(() => draftErrors(drafts), [drafts]);
  const values = useMemo(() => draftValues(drafts), [drafts]);
  const invalid = Object.keys(errors).length > 0;
  /** Edits on screen that the figures do not show yet (also a what-if no longer in the fields). */
  const unapplied = useMemo(() => pendingIds(drafts, applied), [drafts, applied]);
  const pending = unapplied.size > 0 || !sameValues(values, applied);

  const setField = useCallback((a: Assumption, field: FieldValue) => {
    const id = assumptionId(a);
    setApplyError(null);
    setDrafts((d) => {
      // Typed back to the value used, a field is no edit (unless it undoes a what-if).
      if (field === fieldStart(a) && a.overridden !== 'input') {
        const { [id]: _dropped, ...rest } = d;
        return rest;
      }
      return { ...d, [id]: draftOf(a, field) };
    });
  }, []);

  const clear = () => {
    setDrafts({});
    setApplied({});
    setApplyError(null);
  };

  /** Recomputes with the drafts; false when a field cannot be used (its error is on screen). */
  const apply = async (): Promise<boolean> => {
    if (invalid) return false;
    const next: HorizonsInput = countValues(values) ? { ...base, overrides: values } : base;
    setApplying(true);
    setApplyError(null);
    try {
      await queryClient.fetchQuery(horizonsQuery(api, next));
      setApplied(values);
      return true;
    } catch (e) {
      setApplyError(e);
      return false;
    } finally {
      setApplying(false);
    }
  };

  /** Saves the drafts for the scope; resolves with what is saved now. */
  const saveDrafts = async (): Promise<{ saved: SavedAssumptions; count: number }> => {
    const count = countValues(values);
    const saved = await save.mutateAsync({ ...scope, values });
    clear();
    return { saved, count };
  };

  /** Drops an assumption's edit and, when one is saved, the saved value too. */
  const restoreHistory = async (a: Assumption): Promise<void> => {
    const id = assumptionId(a);
    setDrafts(({ [id]: _dropped, ...rest }) => rest);
    setApplied((v) => withoutValue(v, a));
    if (a.saved !== null) await save.mutateAsync({ ...scope, values: backToHistory(a) });
  };

  const resetAll = async (): Promise<void> => {
    await reset.mutateAsync(scope);
    clear();
  };

  return {
    input,
    drafts,
    errors,
    invalid,
    pending,
    unapplied,
    applied,
    appliedCount: countValues(applied),
    draftCount: countValues(values),
    applying,
    applyError,
    busy: applying || save.isPending || reset.isPending,
    saving: save.isPending,
    resetting: reset.isPending,
    setField,
    apply,
    discard: clear,
    save: saveDrafts,
    restoreHistory,
    reset: resetAll,
  };
}
