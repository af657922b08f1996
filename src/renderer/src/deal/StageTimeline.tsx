import { Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import type { useLabels } from '../pipeline/useFacets';
import classes from './DealDrawer.module.css';

/**
 * The stage visits in order. The visit still open is the one a stalled deal is stuck
 * in, so that is where the stalled mark goes (icon and word, not colour alone).
 */
export function StageTimeline({ deal, labels }: { deal: DealDetail; labels: ReturnType<typeof useLabels> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className={classes.section} aria-labelledby={headingId} data-testid="stage-timeline">
      <h3 id={headingId}>{t('deal.timeline')}</h3>
      {deal.timeline.length === 0 ? (
        <Text size="sm" className={classes.muted}>
          {t('deal.timelineEmpty')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-labelledby={headingId} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('deal.stage')}</Table.Th>
              <Table.Th scope="col">{t('deal.entered')}</Table.Th>
              <Table.Th scope="col">{t('deal.exited')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('deal.days')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deal.timeline.map((visit, i) => {
              // A won or lost deal has no open visit (PRODUCT.md): its last stage has no
              // exit and no running clock, so neither "now" nor a day count applies.
              const closed = visit.exitedAt === null && labels.stageKind(visit.stage) !== 'open';
              const open = visit.exitedAt === null && !closed;
              const stalled = open && deal.stalled;
              return (
                <Table.Tr
                  key={`${visit.stage}-${visit.enteredAt}-${i}`}
                  data-testid="timeline-visit"
                  data-stalled={stalled || undefined}
                >
                  <Table.Td>{labels.stage(visit.stage)}</Table.Td>
                  <Table.Td>{format.day(visit.enteredAt)}</Table.Td>
                  <Table.Td>
                    {closed ? t('deal.none') : open ? t('deal.now') : format.day(visit.exitedAt)}
                  </Table.Td>
                  <Table.Td ta="right" className={classes.numeric}>
                    {closed ? (
                      t('deal.none')
                    ) : stalled ? (
                      <span className={classes.stalledText} title={t('stalled.hint')}>
                        <IconAlertTriangle size={14} aria-hidden />
                        {format.count(Math.floor(visit.days))} · {t('stalled.label')}
                      </span>
                    ) : (
                      format.count(Math.floor(visit.days))
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
