import { Alert, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChartBar,
  IconFilterOff,
  IconMoodEmpty,
  IconRefresh,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drillSchema, type DealRow, type DealSortColumn, type Drill } from '@shared/contract';
import { navigate, routeHref, useRoute } from '../shell/route';
import { ApiError, errorText } from '../api/errors';
import { DealDrawer } from '../deal/DealDrawer';
import { useFormat } from '../format/useFormat';
import { TagMentorDialog } from '../mentors/TagMentorDialog';
import { DealsTable, TableMessage } from './DealsTable';
import { Filters } from './Filters';
import { SelectionBar } from './SelectionBar';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  isFiltered,
  nextSort,
  toDealFilter,
  type FilterState,
  type ListQuery,
} from './query';
import { useFacets, useLabels } from './useFacets';
import { usePipelineSummary } from './usePipelinePages';

/** Search waits for a pause in typing so each keystroke does not hit the database. */
const SEARCH_DEBOUNCE_MS = 250;

export function PipelineScreen() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const facets = useFacets();
  const labels = useLabels(facets.data);
  const route = useRoute();
  const drillText = route.params.get('drill');
  // A drill-through lists the deals behind a number whatever their status: the table starts from all.
  const [filter, setFilter] = useState<FilterState>(() =>
    drillText ? { ...EMPTY_FILTER, status: 'all' } : EMPTY_FILTER,
  );
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [openDeal, setOpenDeal] = useState<DealRow | null>(null);
  // Checked deals by id: kept across scrolling, sorting and searches (select from several).
  const [selected, setSelected] = useState<ReadonlyMap<string, DealRow>>(() => new Map());
  const [tagging, setTagging] = useState(false);
  const selection = useMemo(() => ({ selected, onChange: setSelected }), [selected]);
  const [search] = useDebouncedValue(filter.search, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);

  // A drill-through from a chart names its deals in the URL (`#/pipeline?drill=…`).
  const drillLabel = route.params.get('drillLabel') ?? '';
  const drill = useMemo(() => parseDrill(drillText), [drillText]);
  const [lastDrill, setLastDrill] = useState(drillText);
  if (drillText !== lastDrill) {
    // A new drill-through starts from the deals behind the number, whatever their status.
    setLastDrill(drillText);
    if (drill) setFilter({ ...EMPTY_FILTER, status: 'all' });
  }
  const query: ListQuery = useMemo(
    () => ({ filter: { ...toDealFilter(filter, search), ...(drill ? { drill } : {}) }, sort }),
    [filter, search, sort, drill],
  );
  const summary = usePipelineSummary(query);

  // "/" jumps to search from anywhere on the screen except while typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onSort = useCallback((column: DealSortColumn) => setSort((s) => nextSort(s, column)), []);
  const onOpen = useCallback((row: DealRow) => setOpenDeal(row), []);
  const clear = () => setFilter(EMPTY_FILTER);
  const filtered = isFiltered(filter);

  return (
    <Stack gap="sm" className="funnel-screen">
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={1} size="h2">
          {t('pipeline.title')}
        </Title>
        <Text c="dimmed" size="sm" data-testid="pipeline-summary" aria-live="polite">
          {summary.data
            ? `${t('pipeline.summary', {
                count: summary.data.total,
                amount: format.moneyCompact(summary.data.totalAmount),
              })}${summary.isPlaceholderData ? ` · ${t('pipeline.updating')}` : ''}`
            : t('pipeline.loadingSummary')}
        </Text>
      </Group>

      {drillText && (
        <Alert
          color={drill ? 'blue' : 'yellow'}
          variant="light"
          icon={<IconChartBar aria-hidden />}
          data-testid="drill-banner"
        >
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{drill ? t('drill.banner', { label: drillLabel }) : t('drill.invalid')}</Text>
            <Button size="xs" variant="default" onClick={() => navigate(routeHref('pipeline'))}>
              {t('drill.clear')}
            </Button>
          </Group>
        </Alert>
      )}

      <Filters
        value={filter}
        onChange={setFilter}
        onClear={clear}
        facets={facets.data}
        labels={labels}
        searchRef={searchRef}
      />

      {selected.size > 0 && (
        <SelectionBar
          count={selected.size}
          onClear={() => setSelected(new Map())}
          onTagMentor={() => setTagging(true)}
        />
      )}

      <DealsTable
        query={query}
        selection={selection}
        onSort={onSort}
        onOpen={onOpen}
        openId={openDeal?.id ?? null}
        labels={labels}
        renderEmpty={() => (
          <TableMessage>
            <EmptyState
              icon={<IconMoodEmpty size={28} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('pipeline.emptyTitle') : t('pipeline.emptyWorkspaceTitle')}
              description={filtered ? t('pipeline.emptyBody') : t('pipeline.emptyWorkspaceBody')}
              data-testid="pipeline-empty"
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
                    {t('filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          </TableMessage>
        )}
        renderError={(error, retry) => (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('pipeline.loadError')}
            data-testid="pipeline-error"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">
                {error instanceof ApiError && error.isNetwork
                  ? t('errors.network')
                  : t('pipeline.loadErrorHint', { message: errorText(error, i18n.language) })}
              </Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={retry}
              >
                {t('errors.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
      />

      <DealDrawer preview={openDeal} onClose={() => setOpenDeal(null)} labels={labels} />
      {tagging && <TagMentorDialog deals={selected} onClose={() => setTagging(false)} />}
    </Stack>
  );
}

/** The drill-through in a URL, checked against the contract; null when absent or unreadable. */
function parseDrill(text: string | null): Drill | null {
  if (!text) return null;
  try {
    const parsed = drillSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
