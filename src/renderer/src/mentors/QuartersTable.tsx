import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentorSummary } from '@shared/contract';
import { useFormat } from '../format/useFormat';

const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The share each mentor earned per quarter of the deals' close, what payroll pays by; the
 * same figures the XLSX export carries. A quarter without a won deal of the mentor is "—".
 */
export function QuartersTable({ summaries }: { summaries: MentorSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const quarters = [...new Set(summaries.flatMap((s) => s.quarters.map((q) => q.quarter)))].sort();
  const rows = summaries.filter((s) => s.quarters.length > 0);
  if (rows.length === 0) return null;
  return (
    <>
      <Text size="xs" c="dimmed" mb="xs">
        {t('mentors.view.quartersHint')}
      </Text>
      <Table.ScrollContainer minWidth={200 + quarters.length * 130}>
        <Table striped aria-label={t('mentors.view.quartersTable')} data-testid="mentor-quarters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mentors.mentor')}</Table.Th>
              {quarters.map((q) => (
                <Table.Th key={q} scope="col" ta="right">
                  {format.quarter(q)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('mentors.view.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const byQuarter = new Map(s.quarters.map((q) => [q.quarter, q]));
              const total = s.quarters.reduce((sum, q) => sum + q.shareAmount, 0);
              return (
                <Table.Tr key={s.mentor} data-mentor={s.mentor}>
                  <Table.Th scope="row">{s.mentor}</Table.Th>
                  {quarters.map((q) => {
                    const cell = byQuarter.get(q);
                    return (
                      <Table.Td key={q} ta="right" style={NUMERIC}>
                        {cell && cell.shareAmount !== 0 ? format.money(cell.shareAmount) : '—'}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" style={NUMERIC} fw={600}>
                    {format.money(total)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
