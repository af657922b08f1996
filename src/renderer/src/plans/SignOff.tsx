import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCornerUpLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreCallPlan } from '@shared/contract';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { useSignature } from './signature';
import { usePlanWrite } from './usePlans';

/**
 * The manager's sign-off of a submitted plan: approve, or send back with a comment — a
 * plan is never sent back without saying what to change. Alt+A approves, Alt+R sends back
 * (from anywhere on the page while the plan waits).
 */
export function SignOff({ plan }: { plan: PreCallPlan }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [signer, setSigner] = useSignature();
  const [comment, setComment] = useState('');
  const [attempt, setAttempt] = useState<'approve' | 'return' | null>(null);
  const review = usePlanWrite('plans.review');
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const missingSigner = attempt !== null && !signer.trim();
  const missingComment = attempt === 'return' && !comment.trim();

  const decide = (decision: 'approve' | 'return') => {
    setAttempt(decision);
    if (!signer.trim() || (decision === 'return' && !comment.trim()) || review.isPending) {
      if (decision === 'return' && !comment.trim()) commentRef.current?.focus();
      return;
    }
    review.mutate(
      { planId: plan.id, decision, reviewer: signer.trim(), comment: comment.trim() },
      {
        onSuccess: () => {
          notify({
            message: decision === 'approve' ? t('plans.review.approved') : t('plans.review.returned'),
            color: 'green',
          });
          setComment('');
          setAttempt(null);
        },
      },
    );
  };
  const decideRef = useRef(decide);
  useEffect(() => {
    decideRef.current = decide;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      // Alt+letter gives another character on some layouts: read the physical key.
      if (e.code === 'KeyA') {
        e.preventDefault();
        decideRef.current('approve');
      } else if (e.code === 'KeyR') {
        e.preventDefault();
        decideRef.current('return');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Paper withBorder p="md" data-testid="sign-off">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('plans.review.signOff')}
        </Title>
        <TextInput
          label={t('plans.review.signer')}
          description={t('plans.review.signerHint')}
          value={signer}
          onChange={(e) => setSigner(e.currentTarget.value)}
          error={missingSigner ? t('plans.editor.required') : undefined}
          maxLength={200}
          required
          data-testid="sign-off-name"
        />
        <Textarea
          ref={commentRef}
          label={t('plans.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={missingComment ? t('plans.review.commentRequired') : undefined}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          data-testid="sign-off-comment"
        />
        {review.error && (
          <Text size="sm" className="funnel-error-text" role="alert">
            {t('plans.review.reviewError', { message: errorText(review.error, i18n.language) })}
          </Text>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('plans.review.shortcuts')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              color="red"
              leftSection={<IconCornerUpLeft size={16} aria-hidden />}
              onClick={() => decide('return')}
              loading={review.isPending && attempt === 'return'}
              aria-keyshortcuts="Alt+R"
              data-testid="plan-return"
            >
              {t('plans.review.sendBack')}
            </Button>
            <Button
              color="green"
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => decide('approve')}
              loading={review.isPending && attempt === 'approve'}
              aria-keyshortcuts="Alt+A"
              data-testid="plan-approve"
            >
              {t('plans.review.approve')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
