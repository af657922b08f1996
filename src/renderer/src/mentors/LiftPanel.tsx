import { Alert, Grid, Group, Stack, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { liftValueText, mentorLiftChart, type LiftMetric } from '@shared/charts/mentor-lift';
import type { Interval, LiftGroup, MentorLift } from '@shared/contract';
import { Panel } from '../analytics/ViewFrame';
import { EChart } from '../charts/EChart';
import { useFormat } from '../format/useFormat';
import { cycleSentence, winRateSentence, type LiftSentence } from './lift-words';

/**
 * The headline: mentored against comparable unmentored deals, win rate and median cycle,
 * each with its 95% interval drawn and said in words, or — below the minimum sample — an
 * explicit "not enough data" with the counts it needs, and no numbers to misread.
 */
export function LiftPanel({ lift }: { lift: MentorLift }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Grid>
        {(['winRate', 'cycle'] as const).map((metric) => (
          <Grid.Col key={metric} span={{ base: 12, xl: 6 }}>
            <Panel
              title={t(metric === 'winRate' ? 'mentors.view.winRate' : 'mentors.view.cycle')}
              testId={`lift-${metric}`}
            >
              <MetricLift lift={lift} metric={metric} />
            </Panel>
          </Grid.Col>
        ))}
      </Grid>
      <Text size="xs" c="dimmed">
        {t('mentors.view.comparableHint')}{' '}
        {t('mentors.view.seed', { resamples: lift.resamples, seed: lift.seed })}
      </Text>
    </Stack>
  );
}

function MetricLift({ lift, metric }: { lift: MentorLift; metric: LiftMetric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.language.startsWith('zh') ? 'zh-CN' : 'en';
  const option = useMemo(() => mentorLiftChart(lift, metric, lang), [lift, metric, lang]);
  const title = t(metric === 'winRate' ? 'mentors.view.winRate' : 'mentors.view.cycle');

  if (!lift.enough[metric]) {
    const side = (g: LiftGroup) => (metric === 'winRate' ? g.closed : g.won);
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconScale aria-hidden />}
        title={t('mentors.view.notEnoughTitle')}
        data-testid={`lift-${metric}-not-enough`}
      >
        {t(metric === 'winRate' ? 'mentors.view.notEnoughWinRate' : 'mentors.view.notEnoughCycle', {
          minimum: metric === 'winRate' ? lift.minimum.closed : lift.minimum.won,
          mentored: side(lift.mentored),
          comparable: side(lift.comparable),
        })}
      </Alert>
    );
  }

  const sentence = metric === 'winRate' ? winRateSentence(lift) : cycleSentence(lift);
  const pick = (g: LiftGroup) => (metric === 'winRate' ? g.winRate : g.medianCycleDays);
  const level = (v: number) => liftValueText(v, metric, 'level', lang);
  const diff = (v: number) => liftValueText(v, metric, 'difference', lang);
  return (
    <Stack gap="sm">
      {sentence && (
        <Text size="md" fw={600} data-testid={`lift-${metric}-sentence`}>
          <Sentence sentence={sentence} text={diff} />
        </Text>
      )}
      <EChart option={option} title={title} height={300} testId={`lift-${metric}-chart`} />
      <Stack component="dl" gap={4} m={0} data-testid={`lift-${metric}-figures`}>
        <Figure
          label={t('mentors.view.mentored')}
          interval={pick(lift.mentored)}
          text={level}
          note={t('mentors.view.closedWon', { closed: lift.mentored.closed, won: lift.mentored.won })}
        />
        <Figure
          label={t('mentors.view.comparable')}
          interval={pick(lift.comparable)}
          text={level}
          note={t('mentors.view.closedWon', { closed: lift.comparable.closed, won: lift.comparable.won })}
        />
        <Figure
          label={t('mentors.view.lift')}
          interval={metric === 'winRate' ? lift.winRateLift : lift.cycleLift}
          text={diff}
        />
      </Stack>
    </Stack>
  );
}

function Sentence({ sentence, text }: { sentence: LiftSentence; text: (v: number) => string }) {
  const { t } = useTranslation();
  if (sentence.key === 'mentors.view.same')
    return t(sentence.key, { low: text(sentence.interval.low), high: text(sentence.interval.high) });
  if (sentence.key === 'mentors.view.winUnclear')
    return t(sentence.key, { ...sentence.params, direction: t(`mentors.view.${sentence.params.direction}`) });
  return t(sentence.key, sentence.params);
}

/** One line of figures: "Mentored  55.0%  95% interval 42.0% – 67.0%  · 60 closed, 33 won". */
function Figure({
  label,
  interval,
  text,
  note,
}: {
  label: string;
  interval: Interval;
  text: (v: number) => string;
  note?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Text component="dt" size="sm" fw={600} miw={150}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {interval.estimate === null ? '—' : text(interval.estimate)}
        {interval.low !== null && interval.high !== null && (
          <Text span size="sm" c="dimmed">
            {' '}
            ({t('mentors.view.interval', { low: text(interval.low), high: text(interval.high) })})
          </Text>
        )}
        {note && (
          <Text span size="sm" c="dimmed">
            {' '}
            · {note}
          </Text>
        )}
      </Text>
    </Group>
  );
}
