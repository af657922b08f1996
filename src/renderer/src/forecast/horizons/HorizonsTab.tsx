import { Alert, EmptyState, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconTimelineEvent } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HORIZONS, type Horizon, type HorizonsInput } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { dayOf } from '@shared/time';
import { ReportState } from '../../analytics/ViewFrame';
import { useFormat } from '../../format/useFormat';
import { useRouteParams } from '../../shell/route';
import type { ForecastInputs } from '../forecast-scope';
import { AssumptionsPanel } from './AssumptionsPanel';
import { HorizonChartPanel } from './HorizonChartPanel';
import { HorizonHeadline } from './HorizonHeadline';
import { useAssumptionEdits } from './useAssumptionEdits';
import { useHorizons, type AssumptionScope } from './useHorizons';

/** The horizon in the URL (`?horizon=threeYears`); the manager's year by default. */
export function readHorizon(params: URLSearchParams): Horizon {
  const h = params.get('horizon');
  return (HORIZONS as readonly string[]).includes(h ?? '') ? (h as Horizon) : 'year';
}

/**
 * Horizons: the rep's three months and the manager's year by month, the director's three
 * years by quarter — the won amount expected per period, split into won, open pipeline and
 * pipeline still to be created, with its band — and the assumptions it rests on, each
 * editable. The scope is the view's (as-of, team, rep); the edits belong to a team or rep,
 * so they start afresh when either changes.
 */
export function HorizonsTab({ inputs }: { inputs: ForecastInputs }) {
  const { asOf, team, owner } = inputs.model;
  return <HorizonsOfScope key={`${team ?? ''}|${owner ?? ''}`} asOf={asOf!} team={team} owner={owner} />;
}

function HorizonsOfScope({ asOf, team, owner }: { asOf: number; team?: string; owner?: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useRouteParams();
  const horizon = readHorizon(params);
  const scope = useMemo<AssumptionScope>(
    () => ({ ...(team ? { team } : {}), ...(owner ? { owner } : {}) }),
    [team, owner],
  );
  const base = useMemo<HorizonsInput>(() => ({ asOf, ...scope, horizon }), [asOf, scope, horizon]);
  const edits = useAssumptionEdits(base, scope);
  const query = useHorizons(edits.input);
  const result = query.data;
  // Another horizon's figures are not shown under this one's switch while it is computed.
  const forecast = result?.horizons.find((h) => h.horizon === horizon);
  const computing = query.isFetching || edits.applying;
  const empty =
    result !== undefined && result.history.firstCreated === null && forecast?.total.expected === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={600} id="horizon-switch-label">
            {t('horizons.choose')}
          </Text>
          <SegmentedControl
            aria-labelledby="horizon-switch-label"
            value={horizon}
            onChange={(v) => setParams({ horizon: v === 'year' ? null : v })}
            data={HORIZONS.map((h) => ({
              value: h,
              label: (
                <Stack gap={0} px="xs">
                  <Text span fw={700} inherit>
                    {t(`horizons.horizons.${h}`)}
                  </Text>{' '}
                  <Text span size="xs" display="block">
                    {t(`horizons.audience.${h}`)}
                  </Text>
                </Stack>
              ),
            }))}
            data-testid="horizon-switch"
          />
        </Stack>
        {computing && (
          <Group gap="xs" role="status" aria-live="polite" data-testid="horizon-computing">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{edits.applying ? t('horizons.recomputing') : t('horizons.computing')}</Text>
          </Group>
        )}
      </Group>
      <Text size="sm" data-testid="horizon-intro">
        {t('horizons.intro', { asOf: format.day(dayOf(asOf - 1)) })}{' '}
        {result &&
          (result.history.firstCreated
            ? t('horizons.history.depth', {
                count: Math.min(12, result.history.completeQuarters),
                first: format.day(result.history.firstCreated.slice(0, 10)),
                months: new Intl.NumberFormat(format.language, { maximumFractionDigits: 1 }).format(
                  result.history.levelMonths,
                ),
              })
            : t('horizons.history.none'))}
      </Text>
      <ReportState error={query.error} loading={query.isLoading} />
      {result && result.notes.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="horizon-notes">
          <Stack gap={4}>
            {result.notes.map((n, i) => (
              <Text size="sm" key={i}>
                {formatMessage(n, i18n.language)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {empty && (
        <EmptyState
          icon={<IconTimelineEvent size={28} aria-hidden />}
          withIndicatorBackground
          title={t('horizons.empty.title')}
          description={t('horizons.empty.body', { asOf: format.day(dayOf(asOf - 1)) })}
          data-testid="horizon-empty"
        />
      )}
      {result && forecast && !empty && (
        <>
          <HorizonHeadline forecast={forecast} runs={result.runs} />
          <HorizonChartPanel forecast={forecast} />
        </>
      )}
      {result && forecast && (
        <AssumptionsPanel
          assumptions={result.assumptions.filter((a) => a.horizons.includes(horizon))}
          edits={edits}
          scope={scope}
        />
      )}
    </Stack>
  );
}
