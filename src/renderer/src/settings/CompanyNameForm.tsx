import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COMPANY_NAME } from '@shared/contract';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { useSaveCompany } from './useCompany';

/**
 * The company's name: typed, then saved with the button or Enter; empty clears it. Until
 * it is edited the field shows the kept name, so a save elsewhere shows here too.
 */
export function CompanyNameForm({ saved }: { saved: string | null }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const save = useSaveCompany();
  const [draft, setDraft] = useState<string | null>(null);
  const name = draft ?? saved ?? '';
  const [error, setError] = useState<string | null>(null);
  const changed = name.trim() !== (saved ?? '');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    setError(null);
    save.mutate(
      { name: name.trim() === '' ? null : name },
      {
        onSuccess: (kept) => {
          setDraft(null);
          notify({
            message: kept.name ? t('settings.company.saved') : t('settings.company.cleared'),
            color: 'green',
          });
        },
        onError: (e) => setError(t('settings.company.saveError', { message: errorText(e, i18n.language) })),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="company-name-form">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          flex={1}
          label={t('settings.company.name')}
          description={t('settings.company.nameHint')}
          placeholder={t('settings.company.namePlaceholder')}
          value={name}
          maxLength={MAX_COMPANY_NAME}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={error}
          classNames={{ error: 'funnel-error-text' }}
          data-testid="company-name"
        />
        {/* Aligned with the field, below its label and description. */}
        <Button
          type="submit"
          mt={46}
          disabled={!changed}
          loading={save.isPending}
          data-testid="company-name-save"
        >
          {t('settings.company.save')}
        </Button>
      </Group>
    </form>
  );
}
