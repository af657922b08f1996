import { Button, Group, Kbd, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { ATTENTION_FLAGS, type AttentionFlag } from '@shared/domain/attention';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES, type DealStatus, type Facets } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { isFiltered, type FilterState } from './query';
import classes from './Filters.module.css';
import type { useLabels } from './useFacets';

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  onClear: () => void;
  facets: Facets | undefined;
  labels: ReturnType<typeof useLabels>;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Long owner lists (thousands at 200k deals) render only this many options; search narrows. */
const OPTION_LIMIT = 200;

export function Filters({ value, onChange, onClear, facets, labels, searchRef }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ ...value, [key]: v });

  const teams = facets?.teams ?? [];
  // Owners are narrowed to the chosen teams: picking "East" should not offer West's reps.
  const owners = (facets?.owners ?? []).filter(
    (o) => value.teams.length === 0 || value.teams.includes(o.team),
  );
  const ownerNames = [...new Set(owners.map((o) => o.name))];

  const setTeams = (next: string[]) => {
    const allowed = new Set(
      (facets?.owners ?? []).filter((o) => next.length === 0 || next.includes(o.team)).map((o) => o.name),
    );
    onChange({ ...value, teams: next, owners: value.owners.filter((o) => allowed.has(o)) });
  };

  const common = {
    size: 'sm' as const,
    clearable: true,
    searchable: true,
    limit: OPTION_LIMIT,
    comboboxProps: { withinPortal: true },
  };

  const multi = { ...common, classNames: { pillsList: classes.pills, inputField: classes.field } };

  return (
    <Group
      role="search"
      gap="sm"
      align="flex-end"
      wrap="wrap"
      aria-label={t('filters.label')}
      className="funnel-filters"
    >
      <TextInput
        ref={searchRef}
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={value.search}
        onChange={(e) => set('search', e.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          <Kbd size="xs" aria-hidden title={t('filters.searchHint')}>
            /
          </Kbd>
        }
        rightSectionPointerEvents="none"
        type="search"
        w={230}
        data-testid="search-input"
        aria-keyshortcuts="/"
      />
      <Select
        size="sm"
        label={t('filters.status')}
        data={DEAL_STATUSES.map((s) => ({ value: s, label: t(`filters.statuses.${s}`) }))}
        value={value.status}
        onChange={(v) => v && set('status', v as DealStatus)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        w={130}
        data-testid="filter-status"
      />
      <MultiSelect
        {...multi}
        label={t('filters.team')}
        placeholder={value.teams.length ? undefined : t('filters.any')}
        data={teams}
        value={value.teams}
        onChange={setTeams}
        w={190}
        data-testid="filter-team"
      />
      <MultiSelect
        {...multi}
        label={t('filters.owner')}
        placeholder={value.owners.length ? undefined : t('filters.any')}
        data={ownerNames}
        value={value.owners}
        onChange={(v) => set('owners', v)}
        w={190}
        data-testid="filter-owner"
      />
      <MultiSelect
        {...multi}
        label={t('filters.stage')}
        placeholder={value.stages.length ? undefined : t('filters.any')}
        data={[...(facets?.stages ?? [])]
          .sort((a, b) => a.order - b.order)
          .map((s) => ({ value: s.key, label: labels.stage(s.key) }))}
        value={value.stages}
        onChange={(v) => set('stages', v)}
        w={200}
        data-testid="filter-stage"
      />
      <Select
        {...common}
        label={t('filters.closeQuarter')}
        placeholder={t('filters.any')}
        data={(facets?.closeQuarters ?? []).map((q) => ({ value: q, label: format.quarter(q) }))}
        value={value.closeQuarter}
        onChange={(v) => set('closeQuarter', v)}
        w={170}
        data-testid="filter-quarter"
      />
      <MultiSelect
        {...multi}
        searchable={false}
        label={t('filters.forecastCategory')}
        placeholder={value.forecastCategories.length ? undefined : t('filters.any')}
        data={(facets?.forecastCategories ?? []).map((c) => ({ value: c, label: labels.forecast(c) }))}
        value={value.forecastCategories}
        onChange={(v) => set('forecastCategories', v)}
        w={190}
        data-testid="filter-forecast"
      />
      <MultiSelect
        {...multi}
        searchable={false}
        label={t('columns.flags')}
        placeholder={value.flags.length ? undefined : t('filters.any')}
        data={ATTENTION_FLAGS.map((f) => ({ value: f, label: t(`flags.${f}`) }))}
        value={value.flags}
        onChange={(v) => set('flags', v as AttentionFlag[])}
        w={190}
        data-testid="filter-flags"
      />
      <Switch
        label={t('filters.stalledOnly')}
        checked={value.stalledOnly}
        onChange={(e) => set('stalledOnly', e.currentTarget.checked)}
        color="red"
        mb={8}
        data-testid="filter-stalled"
      />
      <Button
        variant="subtle"
        leftSection={<IconFilterOff size={16} aria-hidden />}
        onClick={onClear}
        disabled={!isFiltered(value)}
        data-testid="clear-filters"
      >
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
