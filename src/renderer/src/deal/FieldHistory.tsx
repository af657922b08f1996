import { Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import classes from './DealDrawer.module.css';

/** How one field (amount, close date, forecast category) changed over the deal's life. */
export function FieldHistory({
  title,
  changes,
  render,
  testId,
}: {
  title: string;
  changes: FieldChange[];
  render: (value: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className={classes.section} aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      {changes.length === 0 ? (
        <Text size="sm" className={classes.muted}>
          {t('deal.noChanges')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-labelledby={headingId} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('deal.value')}</Table.Th>
              <Table.Th scope="col">{t('deal.changedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c, i) => (
              <Table.Tr key={`${c.changedAt}-${i}`}>
                <Table.Td className={classes.numeric}>{render(c.value)}</Table.Td>
                <Table.Td>{format.day(c.changedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
