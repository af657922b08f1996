import { Badge, Center, Loader, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { DealPlanState, DealRow, DealSortColumn } from '@shared/contract';
import { wholeDays } from '../format/dates';
import { useFormat } from '../format/useFormat';
import { FlagBadges } from '../analytics/FlagBadges';
import { PlanStateCell } from '../plans/PlanStatusBadge';
import { usePlanStates } from '../plans/usePlanStates';
import { COLUMNS, type Column } from './columns';
import { SelectAllBox, SelectBox, type RowSelection, useSelectionKeys } from './selection';
import classes from './DealsTable.module.css';
import type { ListQuery, SortState } from './query';
import type { useLabels } from './useFacets';
import { usePipelinePages } from './usePipelinePages';

export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/** At most one change of the fetched window per this many milliseconds. */
const FETCH_THROTTLE_MS = 150;

type Labels = ReturnType<typeof useLabels>;
type Format = ReturnType<typeof useFormat>;

interface Props {
  query: ListQuery;
  onSort: (column: DealSortColumn) => void;
  /** The row is handed over so the drawer can show its header before the details load. */
  onOpen: (row: DealRow) => void;
  openId: string | null;
  labels: Labels;
  /** Rendered instead of the table when no deal matches (empty state) or loading fails. */
  renderEmpty: () => React.ReactNode;
  renderError: (error: Error, retry: () => void) => React.ReactNode;
  /** Checked rows by deal id (bulk actions); the table adds the checkbox column and keys. */
  selection: RowSelection;
}

/**
 * The deals, virtualised: only the ~30 rows on screen exist in the DOM, so 200k deals
 * scroll like 200. It stays a real <table> (spacer rows above and below the window keep
 * the scroll height) so screen readers get headers, and aria-rowcount/aria-rowindex tell
 * them where in the full list they are.
 *
 * Keyboard: one row is the tab stop (roving tabindex); arrows, Page Up/Down, Home/End
 * move; Enter or Space opens the deal. Selection (checkbox column, by deal id so it
 * survives scrolling and paging): Shift+Space, Shift+arrows, Shift+click ranges,
 * Ctrl/Cmd+click, Ctrl/Cmd+A for every loaded row, Escape clears.
 */
export function DealsTable({
  query,
  onSort,
  onOpen,
  openId,
  labels,
  renderEmpty,
  renderError,
  selection,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 40 });
  const pages = usePipelinePages(query, range);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // TanStack Virtual hands out non-memoisable functions; this component does not rely on
  // the React Compiler memoising it (rows are memoised by hand below).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // flushSync from inside React's commit phase only produces a console warning; a
    // normal re-render a frame later is indistinguishable when scrolling.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // The plan badges of the rows on screen, asked for together.
  const planStates = usePlanStates(
    items.map((item) => pages.rowAt(item.index)?.id).filter((id): id is string => id !== undefined),
  );
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Which pages to fetch follows the rendered window, throttled: a fling across 200k
  // rows must not queue a database query for every page it passes, yet a steady scroll
  // keeps loading as it goes.
  const lastRangeAt = useRef(0);
  useEffect(() => {
    const apply = () => {
      lastRangeAt.current = Date.now();
      setRange((r) =>
        r.start === firstIndex && r.end === lastIndex ? r : { start: firstIndex, end: lastIndex },
      );
    };
    const wait = lastRangeAt.current + FETCH_THROTTLE_MS - Date.now();
    const timer = setTimeout(apply, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [firstIndex, lastIndex]);

  // A new filter or sort starts at the top.
  const queryId = JSON.stringify(query);
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
    setActive(0);
  }, [queryId]);

  // Keyboard moves can target a row that is not rendered yet: scroll first, focus once it exists.
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${pendingFocus.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const select = useSelectionKeys(selection, pages, queryId);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(pages.total - 1, index));
    setActive(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const keyHandler = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: DealRow | undefined) => {
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 440) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: pages.total - 1,
    };
    if (select.onKey(e, index, row, moves[e.key])) {
      if (e.key in moves) moveTo(moves[e.key]!);
    } else if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if ((e.key === 'Enter' || e.key === ' ') && row) {
      e.preventDefault();
      onOpen(row);
    }
  };
  // Rows are memoised; hand them a stable function that always runs the latest handler.
  const keyHandlerRef = useRef(keyHandler);
  useLayoutEffect(() => {
    keyHandlerRef.current = keyHandler;
  });
  const [onKeyDown] = useState(
    () => (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: DealRow | undefined) =>
      keyHandlerRef.current(e, index, row),
  );
  const selectRef = useRef(select);
  useLayoutEffect(() => {
    selectRef.current = select;
  });
  const [onCheck] = useState(
    () => (index: number, row: DealRow, mode: 'toggle' | 'range') =>
      selectRef.current.check(index, row, mode),
  );

  if (pages.error && !pages.total) return <>{renderError(pages.error, pages.refetch)}</>;
  if (!pages.isLoading && !pages.isUpdating && pages.total === 0) return <>{renderEmpty()}</>;

  const paddingTop = items.length ? items[0]!.start - HEADER_HEIGHT : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const activeIndex = Math.min(active, Math.max(0, pages.total - 1));

  return (
    <div className={classes.scroll} ref={scrollRef} data-testid="deals-table-scroll">
      <table
        className={classes.table}
        data-testid="deals-table"
        aria-label={t('pipeline.tableLabel')}
        aria-rowcount={pages.total + 1}
        aria-busy={pages.isLoading || pages.isUpdating}
      >
        <colgroup>
          <col className={classes.checkCol} />
          {COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className={`${classes.th} ${classes.checkCell}`}>
              <SelectAllBox select={select} />
            </th>
            {COLUMNS.map((c) => (
              <HeaderCell key={c.id} column={c} sort={query.sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden className={classes.spacer}>
              <td colSpan={COLUMNS.length + 1} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            // One component for loaded and still-loading rows, so the same <tr> stays
            // mounted when its data arrives and keyboard focus is not lost.
            return (
              <DealRowView
                key={item.key}
                index={item.index}
                row={row}
                tabbable={item.index === activeIndex}
                selected={row !== undefined && row.id === openId}
                planState={row ? planStates.get(row.id) : undefined}
                checked={row !== undefined && selection.selected.has(row.id)}
                onCheck={onCheck}
                placeholder={pages.isUpdating}
                format={format}
                labels={labels}
                onOpen={onOpen}
                onFocusRow={setActive}
                onKeyDown={onKeyDown}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden className={classes.spacer}>
              <td colSpan={COLUMNS.length + 1} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {pages.isLoading && (
        <div className={classes.overlay}>
          <Stack align="center" gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm" role="status">
              {t('pipeline.loadingSummary')}
            </Text>
          </Stack>
        </div>
      )}
    </div>
  );
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: Column;
  sort: SortState;
  onSort: (c: DealSortColumn) => void;
}) {
  const { t } = useTranslation();
  const label = t(`columns.${column.id}`);
  const sorted = column.sort !== undefined && sort.column === column.sort;
  const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const Icon = !sorted ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <th
      scope="col"
      className={classes.th}
      aria-sort={ariaSort}
      style={column.align ? { textAlign: column.align } : undefined}
    >
      {column.sort ? (
        <button
          type="button"
          className={classes.sortButton}
          onClick={() => onSort(column.sort!)}
          data-testid={`sort-${column.id}`}
        >
          <span className={classes.sortLabel}>{label}</span>
          <Icon size={14} aria-hidden className={sorted ? classes.sortIconActive : classes.sortIcon} />
        </button>
      ) : (
        label
      )}
    </th>
  );
}

interface RowProps {
  index: number;
  /** undefined while its page is loading. */
  row: DealRow | undefined;
  tabbable: boolean;
  selected: boolean;
  /** The deal's pre-call plan (undefined: none, or not loaded yet). */
  planState: DealPlanState | undefined;
  checked: boolean;
  onCheck: (index: number, row: DealRow, mode: 'toggle' | 'range') => void;
  placeholder: boolean;
  format: Format;
  labels: Labels;
  onOpen: (row: DealRow) => void;
  onFocusRow: (index: number) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: DealRow | undefined) => void;
}

const DealRowView = memo(function DealRowView({
  index,
  row,
  tabbable,
  selected,
  planState,
  checked,
  onCheck,
  placeholder,
  format,
  labels,
  onOpen,
  onFocusRow,
  onKeyDown,
}: RowProps) {
  const { t } = useTranslation();
  const common = {
    className: classes.row,
    'data-index': index,
    'aria-rowindex': index + 2,
    tabIndex: tabbable ? 0 : -1,
    onFocus: () => onFocusRow(index),
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(e, index, row),
  };
  if (!row) {
    return (
      <tr {...common} data-loading>
        <td className={classes.td} colSpan={COLUMNS.length + 1}>
          <VisuallyHidden>{t('pipeline.loadingRow')}</VisuallyHidden>
          <Skeleton height={10} width="60%" radius="xl" aria-hidden />
        </td>
      </tr>
    );
  }
  const kind = labels.stageKind(row.stage);
  const days = wholeDays(row.daysInStage);
  return (
    <tr
      {...common}
      data-testid="deal-row"
      data-deal-id={row.id}
      data-selected={selected || undefined}
      data-checked={checked || undefined}
      data-placeholder={placeholder || undefined}
      onClick={(e: MouseEvent<HTMLTableRowElement>) => {
        // Shift+click takes a range, Ctrl/Cmd+click toggles one row; a plain click opens it.
        if (e.shiftKey) onCheck(index, row, 'range');
        else if (e.ctrlKey || e.metaKey) onCheck(index, row, 'toggle');
        else onOpen(row);
      }}
    >
      <td className={`${classes.td} ${classes.checkCell}`} onClick={(e) => e.stopPropagation()}>
        <SelectBox
          name={row.name}
          checked={checked}
          onChange={(range) => onCheck(index, row, range ? 'range' : 'toggle')}
        />
      </td>
      <td className={classes.td} title={row.name}>
        {/* A real button so screen-reader users can open the deal from the browse cursor;
            out of the tab order because the row itself is the tab stop. */}
        <button
          type="button"
          tabIndex={-1}
          className={classes.nameButton}
          aria-label={t('pipeline.openDeal', { name: row.name })}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(row);
          }}
        >
          {row.name}
        </button>
      </td>
      <td className={classes.td} title={row.account}>
        {row.account}
      </td>
      <td className={classes.td}>{row.owner}</td>
      <td className={classes.td}>{row.team}</td>
      <td className={`${classes.td} ${classes.right}`}>{format.money(row.amount)}</td>
      <td className={classes.td}>
        <Badge
          variant="light"
          color={kind === 'won' ? 'green' : kind === 'lost' ? 'gray' : 'blue'}
          radius="sm"
          maw="100%"
          tt="none"
          className={classes.stageBadge}
          data-kind={kind}
        >
          {labels.stage(row.stage)}
        </Badge>
      </td>
      <td className={classes.td}>{format.day(row.closeDate)}</td>
      <td className={classes.td}>
        {kind !== 'open' ? (
          // Closed deals are not "in" a stage any more; a day count would read as stuck.
          <span className={classes.closedDays}>{t('deal.none')}</span>
        ) : row.stalled ? (
          <span className={classes.stalled} title={t('stalled.hint')}>
            <IconAlertTriangle size={15} aria-hidden className={classes.stalledIcon} />
            {t('days.value', { count: days })} · {t('stalled.label')}
          </span>
        ) : (
          t('days.value', { count: days })
        )}
      </td>
      <td className={classes.td}>{labels.forecast(row.forecastCategory)}</td>
      <td className={classes.td} title={row.flags.map((f) => t(`flags.${f}`)).join(', ')}>
        <FlagBadges flags={row.flags} />
      </td>
      <td className={classes.td}>
        <PlanStateCell state={planState} />
      </td>
    </tr>
  );
});

export function TableMessage({ children }: { children: React.ReactNode }) {
  return (
    <Center className={classes.scroll} p="xl">
      {children}
    </Center>
  );
}
