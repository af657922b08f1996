import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReportState } from '../analytics/ViewFrame';
import { useApi } from '../api/ApiProvider';
import { navigate, routeHref } from '../shell/route';
import classes from './Plans.module.css';
import { planLang } from './usePlans';

/**
 * The plan as a page, the same document as the Markdown and Word files: Print sends it to
 * the system's print dialog, where the desktop app (like any browser) saves a PDF. The
 * workbench's frame is left off the printed page (app.css, `@media print`).
 */
export function PlanPrint({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = planLang(i18n.language);
  const query = useQuery({
    queryKey: ['plans', 'document', id, lang],
    queryFn: () => api.invoke('plans.document', { planId: id, lang }),
  });
  const doc = query.data;
  return (
    <Stack gap="md" className="funnel-screen" data-testid="plan-print">
      <Group justify="space-between" className="funnel-no-print">
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={() => navigate(routeHref('plans', { id: String(id) }))}
        >
          {t('plans.doc.back')}
        </Button>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('plans.doc.printHint')}
          </Text>
          <Button
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
            disabled={!doc}
            data-testid="plan-print-button"
          >
            {t('plans.doc.print')}
          </Button>
        </Group>
      </Group>
      <ReportState error={query.error} loading={query.isLoading} />
      {doc && (
        <article className={classes.document} data-testid="plan-document">
          <Title order={1} size="h2" mb="sm">
            {doc.title}
          </Title>
          <dl className={classes.facts}>
            {doc.facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {doc.sections.map((section) => (
            <section key={section.heading}>
              <Title order={2} size="h4" mt="lg" mb="xs">
                {section.heading}
              </Title>
              {section.table && section.table.rows.length > 0 ? (
                <Table withTableBorder withColumnBorders>
                  <Table.Thead>
                    <Table.Tr>
                      {section.table.headers.map((h) => (
                        <Table.Th key={h} scope="col">
                          {h}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {section.table.rows.map((row, i) => (
                      <Table.Tr key={i}>
                        {row.map((cell, j) => (
                          <Table.Td key={j}>{cell}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : section.list && section.list.length > 0 ? (
                <ul>
                  {section.list.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              ) : section.paragraphs && section.paragraphs.length > 0 ? (
                section.paragraphs.map((p, i) => (
                  <Text key={i} className={classes.prose}>
                    {p}
                  </Text>
                ))
              ) : (
                <Text fs="italic">{section.empty}</Text>
              )}
            </section>
          ))}
        </article>
      )}
    </Stack>
  );
}
