import { Checkbox, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PreCallPlan } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import type { useLabels } from '../pipeline/useFacets';
import { CoverageGaps } from './CoverageGaps';
import { PlanStatusBadge } from './PlanStatusBadge';
import classes from './Plans.module.css';
import { StageFitAlert } from './StageFitAlert';

type Labels = ReturnType<typeof useLabels>;

/**
 * The plan as the manager reads it before signing off: the visit, its objective and the
 * commitment sought, the gap, questions, objections, the checklist with the stage-fit
 * warnings the backend found, and the coverage gaps. Checklist ticks stay editable (the
 * rep ticks what was prepared, whatever the plan's status).
 */
export function PlanSheet({
  plan,
  labels,
  onCheck,
}: {
  plan: PreCallPlan;
  labels: Labels;
  onCheck: (itemId: number, done: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const stage = plan.dealStage ?? plan.planStage;
  const none = (
    <Text size="sm" c="dimmed">
      {t('plans.doc.none')}
    </Text>
  );
  const prose = (text: string) =>
    text.trim() ? (
      <Text size="sm" className={classes.prose}>
        {text}
      </Text>
    ) : (
      none
    );
  const warnings = new Map(plan.stageFit.map((w) => [w.itemId, w]));
  const facts: [string, React.ReactNode][] = [
    [t('plans.doc.facts.account'), plan.account],
    [t('plans.doc.facts.owner'), plan.owner],
    [t('plans.doc.facts.stage'), labels.stage(stage)],
    [t('plans.doc.facts.visitDate'), format.day(plan.visitDate)],
    [t('plans.doc.facts.amount'), format.money(plan.amount)],
    [t('plans.doc.facts.preparedBy'), plan.preparedBy],
    [t('plans.doc.facts.status'), <PlanStatusBadge key="s" status={plan.status} />],
  ];
  const section = (title: string, body: React.ReactNode) => (
    <section>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {body}
    </section>
  );

  return (
    <Stack gap="md" data-testid="plan-sheet">
      <dl className={classes.facts}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {section(t('plans.editor.objective'), prose(plan.objective))}
      {section(t('plans.editor.commitment'), prose(plan.commitment))}
      {section(
        t('plans.doc.attendees'),
        plan.attendees.length ? (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.doc.side')}</Table.Th>
                <Table.Th scope="col">{t('plans.editor.attendeeName')}</Table.Th>
                <Table.Th scope="col">{t('plans.editor.attendeeRole')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.attendees.map((a, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{a.side === 'ours' ? t('plans.doc.ours') : t('plans.doc.theirs')}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.role}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          none
        ),
      )}
      {section(t('plans.editor.situation'), prose(plan.situation))}
      {section(
        t('plans.editor.questions'),
        plan.questions.length ? (
          <ol>
            {plan.questions.map((q, i) => (
              <li key={i}>
                <Text size="sm">{q}</Text>
              </li>
            ))}
          </ol>
        ) : (
          none
        ),
      )}
      {section(
        t('plans.editor.objections'),
        plan.objections.length ? (
          <ol>
            {plan.objections.map((o, i) => (
              <li key={i}>
                <Text size="sm" fw={600}>
                  {o.objection}
                </Text>
                <Text size="sm" className={classes.prose}>
                  {o.answer || '—'}
                </Text>
              </li>
            ))}
          </ol>
        ) : (
          none
        ),
      )}
      {section(t('plans.editor.materials'), prose(plan.materials))}
      {section(t('plans.editor.risks'), prose(plan.risks))}
      {section(
        t('plans.checklist.title'),
        plan.items.length ? (
          <Stack component="ol" gap={6} className="funnel-plain-list" data-testid="sheet-checklist">
            {[...plan.items]
              .sort((a, b) => a.position - b.position)
              .map((item) => {
                const warning = warnings.get(item.id);
                return (
                  <li key={item.id} data-testid="sheet-item">
                    <Checkbox
                      checked={item.done}
                      onChange={(e) => onCheck(item.id, e.currentTarget.checked)}
                      label={
                        item.stageKey && item.source !== 'stage'
                          ? `${item.text} (${labels.stage(item.stageKey)})`
                          : item.text
                      }
                    />
                    {warning && <StageFitAlert warning={warning} labels={labels} />}
                  </li>
                );
              })}
          </Stack>
        ) : (
          none
        ),
      )}
      {section(t('plans.centre.gapsTitle'), <CoverageGaps gaps={plan.coverageGaps} testId="sheet-gaps" />)}
    </Stack>
  );
}
