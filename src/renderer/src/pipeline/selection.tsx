import { Checkbox } from '@mantine/core';
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRow } from '@shared/contract';
import classes from './DealsTable.module.css';

/**
 * The deals checked for a bulk action, by id: the table is virtualised and paged, so a
 * row's DOM node and index come and go while its id stays. The row is kept for its name
 * (a refusal names the deals).
 */
export interface RowSelection {
  selected: ReadonlyMap<string, DealRow>;
  onChange: (next: ReadonlyMap<string, DealRow>) => void;
}

interface Pages {
  total: number;
  loadedRows: () => { index: number; row: DealRow }[];
}

/**
 * Selecting from the mouse and the keyboard. The anchor of a range is the last row
 * toggled; a new filter or sort has other indexes, so it forgets the anchor. Ranges and
 * "all" take the rows loaded so far (a range across pages never fetched takes what is there).
 */
export function useSelectionKeys(selection: RowSelection, pages: Pages, queryId: string) {
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    anchor.current = null;
  }, [queryId]);
  const { selected, onChange } = selection;

  const addRange = (next: Map<string, DealRow>, from: number, to: number) => {
    const [low, high] = from <= to ? [from, to] : [to, from];
    for (const { index, row } of pages.loadedRows()) if (index >= low && index <= high) next.set(row.id, row);
  };

  const check = (index: number, row: DealRow, mode: 'toggle' | 'range') => {
    const next = new Map(selected);
    if (mode === 'range' && anchor.current !== null) addRange(next, anchor.current, index);
    else {
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      anchor.current = index;
    }
    onChange(next);
  };

  const all = () => {
    const next = new Map(selected);
    for (const { row } of pages.loadedRows()) next.set(row.id, row);
    onChange(next);
  };
  const clear = () => {
    anchor.current = null;
    onChange(new Map());
  };

  /** Handles a selection key on a row; true when it did (a move target is then still moved to). */
  const onKey = (
    e: KeyboardEvent<HTMLTableRowElement>,
    index: number,
    row: DealRow | undefined,
    target: number | undefined,
  ): boolean => {
    if (e.key === ' ' && e.shiftKey) {
      e.preventDefault();
      if (row) check(index, row, 'toggle');
      return true;
    }
    if (target !== undefined && e.shiftKey) {
      e.preventDefault();
      const next = new Map(selected);
      if (anchor.current === null) anchor.current = index;
      addRange(next, index, Math.max(0, Math.min(pages.total - 1, target)));
      onChange(next);
      return true;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      all();
      return true;
    }
    if (e.key === 'Escape' && selected.size > 0) {
      e.preventDefault();
      clear();
      return true;
    }
    return false;
  };

  return { selected, check, all, clear, onKey, loadedRows: pages.loadedRows };
}

type Select = ReturnType<typeof useSelectionKeys>;

/** A row's checkbox: out of the tab order (the row is the tab stop; Shift+Space checks it). */
export function SelectBox({
  name,
  checked,
  onChange,
}: {
  name: string;
  checked: boolean;
  onChange: (range: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      size="xs"
      tabIndex={-1}
      checked={checked}
      aria-label={t('mentors.selection.row', { name })}
      className={classes.checkBox}
      onChange={(e: ChangeEvent<HTMLInputElement>) =>
        onChange((e.nativeEvent as MouseEvent).shiftKey === true)
      }
      data-testid="row-select"
    />
  );
}

/** The header's checkbox: every loaded row, or none; mixed while only some are checked. */
export function SelectAllBox({ select }: { select: Select }) {
  const { t } = useTranslation();
  const loaded = select.loadedRows();
  const checkedLoaded = loaded.filter(({ row }) => select.selected.has(row.id)).length;
  const all = loaded.length > 0 && checkedLoaded === loaded.length;
  return (
    <Checkbox
      size="xs"
      checked={all}
      indeterminate={!all && select.selected.size > 0}
      aria-label={t('mentors.selection.all')}
      className={classes.checkBox}
      onChange={() => (all ? select.clear() : select.all())}
      data-testid="select-all"
    />
  );
}
