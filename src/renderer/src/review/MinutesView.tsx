import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiProvider';
import { ReportState } from '../analytics/ViewFrame';
import { navigate, routeHref } from '../shell/route';

/**
 * The minutes as a page, the same document as the Markdown and Word files: Print sends
 * it to the system's print dialog, where the desktop app (like any browser) can save a PDF.
 * The workbench's frame is left off the printed page (app.css, `@media print`).
 */
export function MinutesView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const query = useQuery({
    queryKey: ['review.minutesDocument', id, lang],
    queryFn: () => api.invoke('review.minutesDocument', { id, lang }),
  });
  const doc = query.data;
  return (
    <Stack gap="md" className="funnel-screen funnel-minutes" data-testid="review-minutes">
      <Group justify="flex-end" className="funnel-no-print">
        <Button variant="default" onClick={() => navigate(routeHref('review'))}>
          {t('review.prepare.back')}
        </Button>
        <Button
          leftSection={<IconPrinter size={18} aria-hidden />}
          onClick={() => window.print()}
          disabled={!doc}
        >
          {t('review.actions.print')}
        </Button>
      </Group>
      <ReportState error={query.error} loading={query.isLoading} />
      {doc && (
        <article>
          <Title order={1} size="h2" mb="sm">
            {doc.title}
          </Title>
          <dl className="funnel-minutes-facts">
            {doc.facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {doc.sections.map((section) => (
            <section key={section.heading}>
              <Title order={2} size="h3" mt="lg" mb="xs">
                {section.heading}
              </Title>
              {section.table && section.table.rows.length > 0 ? (
                <Table withTableBorder withColumnBorders>
                  <Table.Thead>
                    <Table.Tr>
                      {section.table.headers.map((h) => (
                        <Table.Th key={h}>{h}</Table.Th>
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
                  <Text key={i} className="funnel-note-body">
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
