import { Group, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isChinese } from '@shared/messages';
import { errorText } from '../api/errors';
import classes from './DealDrawer.module.css';
import { percent, useWinProbability } from './useWinProbability';

/**
 * The deal's win probability by the workspace's own model (智能评分) beside its stage
 * probability, and the factors that move it most, each in words with whether it raises or
 * lowers the probability (said in words too, not only by the arrow's direction or colour).
 */
export function DealWinProbability({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = useWinProbability(dealId);
  const result = query.data;
  const zh = isChinese(i18n.language);
  return (
    <section className={classes.section} aria-labelledby={headingId} data-testid="deal-model">
      <h3 id={headingId}>{t('model.title')}</h3>
      {query.isError ? (
        <Text size="sm" className="funnel-error-text" role="alert">
          {t('model.loadError', { message: errorText(query.error, i18n.language) })}
        </Text>
      ) : !result ? (
        <Text size="sm" className={classes.muted}>
          {t('analytics.loading')}
        </Text>
      ) : result.status !== 'scored' ? (
        <Text size="sm" className={classes.muted} data-testid="deal-model-status">
          {t(result.status === 'notOpen' ? 'model.notOpen' : 'model.notEnough')}
        </Text>
      ) : (
        <>
          <Text size="xs" className={classes.muted} mb="xs">
            {t('model.hint', { days: result.horizonDays })}
          </Text>
          <Group gap="md" align="baseline">
            <Text
              fw={700}
              fz="xl"
              className={classes.amount}
              aria-label={`${t('model.probabilityLabel')}: ${percent(result.probability!)}%`}
              data-testid="deal-model-probability"
            >
              {percent(result.probability!)}%
            </Text>
            <Text size="sm" className={classes.muted}>
              {t('model.stage', { value: percent(result.stageProbability!) })}
            </Text>
          </Group>
          <Text size="xs" fw={600} mt="xs" id={`${headingId}-factors`}>
            {t('model.factorsLabel')}
          </Text>
          <Stack
            component="ul"
            gap={4}
            className="funnel-plain-list"
            aria-labelledby={`${headingId}-factors`}
            data-testid="deal-model-factors"
          >
            {result.factors.map((f) => (
              <li key={f.factor} data-factor={f.factor}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {f.effect >= 0 ? (
                    <IconArrowUpRight size={16} aria-hidden color="var(--mantine-color-teal-8)" />
                  ) : (
                    <IconArrowDownRight size={16} aria-hidden color="var(--mantine-color-red-8)" />
                  )}
                  <Text size="sm">
                    {zh ? f.words.zh : f.words.en}
                    <Text span size="xs" className={classes.muted}>
                      {t('model.effect', { effect: t(f.effect >= 0 ? 'model.raises' : 'model.lowers') })}
                    </Text>
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        </>
      )}
    </section>
  );
}
