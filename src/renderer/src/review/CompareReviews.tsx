import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision, ValueChange } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { ReportState } from '../analytics/ViewFrame';
import { useFormat } from '../format/useFormat';
import { useFacets, useLabels } from '../pipeline/useFacets';
import { navigate, routeHref } from '../shell/route';

/** Two reviews of one scope: deals added, dropped and moved between them, and what became of the next steps. */
export function CompareReviews({ a, b }: { a: number; b: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  const query = useQuery({
    queryKey: ['review.compare', a, b],
    queryFn: () => api.invoke('review.compare', { a, b }),
  });
  const c = query.data;
  const value = (ch: ValueChange, v: string | number | null) =>
    v === null
      ? '—'
      : ch.field === 'amount'
        ? format.money(Number(v))
        : ch.field === 'stage'
          ? labels.stage(String(v))
          : ch.field === 'forecastCategory'
            ? labels.forecast(String(v))
            : String(v);
  const steps = (list: ReviewDecision[]) =>
    list.length ? (
      <ul>
        {list.map((d) => (
          <li key={d.id}>
            {d.text}
            {d.assignee ? ` — ${d.assignee}` : ''}
          </li>
        ))}
      </ul>
    ) : (
      <Text c="dimmed">{t('review.compare.none')}</Text>
    );
  const deals = (list: { id: string; name: string }[]) =>
    list.length ? (
      <ul>
        {list.map((d) => (
          <li key={d.id}>
            {d.name} ({d.id})
          </li>
        ))}
      </ul>
    ) : (
      <Text c="dimmed">{t('review.compare.none')}</Text>
    );
  return (
    <Stack gap="md" className="funnel-screen" data-testid="review-compare">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('review.compare.title')}
        </Title>
        <Button variant="subtle" onClick={() => navigate(routeHref('review'))}>
          {t('review.prepare.back')}
        </Button>
      </Group>
      <ReportState error={query.error} loading={query.isLoading} />
      {c && (
        <>
          <Text fw={600}>
            {c.a.title} ({format.day(c.a.asOf.slice(0, 10))}) → {c.b.title} (
            {format.day(c.b.asOf.slice(0, 10))})
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.added')}
              </Title>
              {deals(c.added)}
            </section>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.removed')}
              </Title>
              {deals(c.removed)}
            </section>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.moved')}
              </Title>
              {c.moved.length ? (
                <ul>
                  {c.moved.map((m) => (
                    <li key={m.id}>
                      {m.name}:{' '}
                      {m.changes
                        .map(
                          (ch) =>
                            `${t(`review.slide.field.${ch.field}`)} ${value(ch, ch.from)} → ${value(ch, ch.to)}`,
                        )
                        .join('; ')}
                    </li>
                  ))}
                </ul>
              ) : (
                <Text c="dimmed">{t('review.compare.none')}</Text>
              )}
            </section>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.done')}
              </Title>
              {steps(c.nextSteps.done)}
            </section>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.carried')}
              </Title>
              {steps(c.nextSteps.carried)}
            </section>
            <section>
              <Title order={2} size="h4">
                {t('review.compare.open')}
              </Title>
              {steps(c.nextSteps.open)}
            </section>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
