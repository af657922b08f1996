import { Button, Group, Table, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Workback, WorkbackRow } from '@shared/contract';
import { Panel } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { FindingIcon, findingWords } from './WorkbackFindings';
import { NONE, NUMERIC, oneDecimal } from './numbers';

/** The shared filters a row narrows the screen to: its team, and its rep when it is one. */
export interface RowScope {
  team: string | null;
  owner: string | null;
}

/**
 * Each team's (or each rep's) own work-back. A row narrows the whole screen to that team or
 * rep through the shared filters (its name is a button, so the keyboard gets there too), as
 * the analytics views do: the work-back, and every other view, then show that scope.
 */
export function WorkbackRows({ wb, onNarrow }: { wb: Workback; onNarrow: (scope: RowScope) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language;
  const zh = lang.startsWith('zh');
  const money = (v: number | null) => (v === null ? NONE : format.money(v));
  const narrow = (r: WorkbackRow) => onNarrow({ team: r.team, owner: r.owner });
  return (
    <Panel
      title={t(wb.breakdown === 'owner' ? 'forecastView.workback.byRep' : 'forecastView.workback.byTeam')}
      testId="workback-rows"
    >
      <Table.ScrollContainer minWidth={1000}>
        <Table striped highlightOnHover aria-label={t('forecastView.workback.rowsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {t(wb.breakdown === 'owner' ? 'forecastView.workback.rep' : 'forecastView.workback.team')}
              </Table.Th>
              {(['target', 'won', 'gap', 'expected', 'perWeek'] as const).map((c) => (
                <Table.Th key={c} scope="col" ta="right">
                  {t(`forecastView.workback.rowColumns.${c}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('forecastView.workback.rowColumns.finding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wb.rows.map((r) => {
              const name = r.owner ?? r.team ?? '';
              const first = r.findings[0];
              return (
                <Table.Tr
                  key={`${r.team}|${r.owner}`}
                  data-testid="workback-row"
                  onClick={() => narrow(r)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Th scope="row">
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      rightSection={<IconFilter size={14} aria-hidden />}
                      aria-label={t('forecastView.workback.narrowTo', { name })}
                      onClick={(e) => {
                        // The row's own click would narrow a second time.
                        e.stopPropagation();
                        narrow(r);
                      }}
                      data-testid="workback-row-narrow"
                    >
                      {name}
                    </Button>
                  </Table.Th>
                  <Table.Td ta="right" style={NUMERIC}>
                    {money(r.target)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {format.money(r.won)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {money(r.gap)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {format.money(r.expected)}
                  </Table.Td>
                  <Table.Td ta="right" style={NUMERIC}>
                    {r.newDeals.perWeek === null
                      ? NONE
                      : t('forecastView.workback.perWeekCell', {
                          perWeek: oneDecimal(r.newDeals.perWeek, lang),
                          recent: oneDecimal(r.newDeals.recentPerWeek, lang),
                        })}
                  </Table.Td>
                  <Table.Td>
                    {first ? (
                      <Group gap="xs" wrap="nowrap">
                        <FindingIcon code={first.code} size={20} />
                        <Text size="sm">{findingWords(first, zh)}</Text>
                      </Group>
                    ) : (
                      NONE
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Panel>
  );
}
