import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { liftValueText } from '@shared/charts/mentor-lift';
import type { MentorSummary } from '@shared/contract';
import { useFormat } from '../format/useFormat';

/** Digits of equal width, so the amounts line up. */
const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Per mentor: deals closed in the period, wins, won amount, the share earned, deals still
 * open, and the mentor's own win-rate difference — or "not enough data", since one
 * mentor's handful of deals rarely says anything yet. The name opens the mentor's deals.
 */
export function MentorsTable({
  summaries,
  current,
  onShowDeals,
}: {
  summaries: MentorSummary[];
  current: string | null;
  onShowDeals: (mentor: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language.startsWith('zh') ? 'zh-CN' : 'en';
  const diff = (v: number) => liftValueText(v, 'winRate', 'difference', lang);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped aria-label={t('mentors.view.mentorsTable')} data-testid="mentors-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('mentors.mentor')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('mentors.view.deals')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('mentors.view.won')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('mentors.view.wonAmount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('mentors.view.shareAmount')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('mentors.view.open')}
            </Table.Th>
            <Table.Th scope="col">{t('mentors.view.ownLift')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summaries.map((s) => {
            const l = s.lift.winRateLift;
            const shown = s.lift.enough.winRate && l.estimate !== null && l.low !== null && l.high !== null;
            return (
              <Table.Tr key={s.mentor} data-testid="mentor-row" data-mentor={s.mentor}>
                <Table.Th scope="row">
                  <Button
                    // The open mentor's button is filled: the light tint under blue text falls below 4.5:1.
                    variant={current === s.mentor ? 'filled' : 'subtle'}
                    size="compact-sm"
                    fw={600}
                    onClick={() => onShowDeals(s.mentor)}
                    aria-label={t('mentors.view.showDeals', { mentor: s.mentor })}
                    aria-pressed={current === s.mentor}
                    data-testid="mentor-show-deals"
                  >
                    {s.mentor}
                  </Button>
                </Table.Th>
                <Table.Td ta="right" style={NUMERIC}>
                  {format.count(s.deals)}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {format.count(s.won)}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {format.money(s.wonAmount)}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC} fw={600}>
                  {format.money(s.shareAmount)}
                </Table.Td>
                <Table.Td ta="right" style={NUMERIC}>
                  {format.count(s.open)}
                </Table.Td>
                <Table.Td data-testid="mentor-lift">
                  {shown ? (
                    <Text size="sm" span>
                      {diff(l.estimate!)}{' '}
                      <Text span size="sm" c="dimmed">
                        ({t('mentors.view.interval', { low: diff(l.low!), high: diff(l.high!) })})
                      </Text>
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic" span>
                      {t('mentors.view.notEnough')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
