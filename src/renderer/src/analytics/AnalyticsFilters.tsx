import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFacets } from '../pipeline/useFacets';
import { FILTER_PARAMS, PERIODS, type SharedFilters } from './scope';

const ANY = '';

/**
 * The filters every analytics view shares (period, as-of, team, rep, product), written to
 * the URL so the view can be bookmarked; moving to another view keeps them.
 */
export function AnalyticsFilters({
  filters,
  set,
  hidePeriod = false,
  hideProduct = false,
}: {
  filters: SharedFilters;
  set: (changes: Partial<Record<keyof SharedFilters, string | null>>) => void;
  hidePeriod?: boolean;
  /** For views whose figures know no product (the forecast, its deck and snapshots). */
  hideProduct?: boolean;
}) {
  const { t } = useTranslation();
  const facets = useFacets().data;
  const any = { value: ANY, label: t('analytics.any') };
  const owners = (facets?.owners ?? []).filter((o) => !filters.team || o.team === filters.team);
  return (
    <Group
      gap="sm"
      align="flex-end"
      role="group"
      aria-label={t('analytics.filtersLabel')}
      data-testid="analytics-filters"
    >
      {!hidePeriod && (
        <Select
          label={t('analytics.period')}
          data={PERIODS.map((p) => ({ value: p, label: t(`analytics.periods.${p}`) }))}
          value={filters.period}
          onChange={(v) => set({ period: v })}
          allowDeselect={false}
          w={170}
          data-testid="filter-period"
        />
      )}
      {!hidePeriod && filters.period === 'custom' && (
        <>
          <TextInput
            type="date"
            label={t('analytics.from')}
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || null })}
            w={160}
          />
          <TextInput
            type="date"
            label={t('analytics.to')}
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || null })}
            w={160}
          />
        </>
      )}
      <TextInput
        type="date"
        label={t('analytics.asOf')}
        description={filters.asOf ? undefined : t('analytics.asOfHint')}
        value={filters.asOf ?? ''}
        onChange={(e) => set({ asOf: e.currentTarget.value || null })}
        w={160}
        data-testid="filter-asof"
      />
      <Select
        label={t('analytics.team')}
        data={[any, ...(facets?.teams ?? []).map((v) => ({ value: v, label: v }))]}
        value={filters.team ?? ANY}
        onChange={(v) => set({ team: v || null, owner: null })}
        searchable
        w={170}
        data-testid="filter-team"
      />
      <Select
        label={t('analytics.owner')}
        data={[any, ...owners.map((o) => ({ value: o.name, label: o.name }))]}
        value={filters.owner ?? ANY}
        onChange={(v) => set({ owner: v || null })}
        searchable
        w={150}
        data-testid="filter-owner"
      />
      {!hideProduct && (
        <Select
          label={t('analytics.product')}
          data={[any, ...(facets?.products ?? []).map((v) => ({ value: v, label: v }))]}
          value={filters.product ?? ANY}
          onChange={(v) => set({ product: v || null })}
          searchable
          w={170}
          data-testid="filter-product"
        />
      )}
      <Button
        variant="subtle"
        leftSection={<IconFilterOff size={16} aria-hidden />}
        onClick={() => set(Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])))}
      >
        {t('analytics.reset')}
      </Button>
    </Group>
  );
}
