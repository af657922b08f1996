import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrmConnectionView } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import { agoText, useNow } from './timing';

/** Where the token comes from, in words; a variable by its name (what to set before `funnel serve`). */
export function TokenSourceText({ connection }: { connection: CrmConnectionView }) {
  const { t } = useTranslation();
  if (connection.tokenSource === 'env')
    return (
      <span>
        {t('sources.tokenSource.env')} <Code>{connection.tokenEnv}</Code>
      </span>
    );
  return <span>{t(`sources.tokenSource.${connection.tokenSource}`)}</span>;
}

/** The last complete sync: how long ago, and when exactly. */
export function LastSyncedAt({ at }: { at: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000, at);
  if (at === null) return <span>{t('sources.never')}</span>;
  const exact = format.localDateTime(new Date(at).toISOString());
  const ago = agoText(t, now, at);
  return (
    <Stack gap={0} component="span">
      <span data-testid="last-synced-ago">{ago ?? exact}</span>
      {ago !== null && (
        <Text size="xs" c="dimmed" component="span">
          {exact}
        </Text>
      )}
    </Stack>
  );
}
