import { Alert, Button, Checkbox, FileInput, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FILE_KINDS,
  MAX_IMPORT_BYTES,
  type Events,
  type ImportCheck,
  type ImportFileKind,
  type ImportFiles,
  type ImportOutcome,
  type ImportPreview,
} from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { useFormat } from '../format/useFormat';
import { CheckReport } from './CheckReport';
import { MappingStep } from './MappingStep';
import type { DealMapping } from '@shared/imports/column-mapping';
import { errorText } from '../api/errors';
import { FileReadError, readFiles, validRows, type PickedFiles } from './readFiles';

/** What the check and the import read: the files, and the mapping of a CRM's own deals export. */
interface Batch {
  files: ImportFiles;
  mapping?: DealMapping;
  /** The deals file as the mapping step showed it (Back returns there). */
  preview?: ImportPreview;
}

type Step =
  | { name: 'select'; error?: string }
  | { name: 'checking' }
  | {
      name: 'mapping';
      files: ImportFiles;
      preview: ImportPreview;
      mapping?: DealMapping;
      error?: string;
      /** The mapped files are being checked (the step stays in view, its button busy). */
      busy?: boolean;
    }
  | { name: 'checked'; batch: Batch; check: ImportCheck; error?: string }
  | { name: 'applying'; batch: Batch; check: ImportCheck }
  | { name: 'done'; outcome: ImportOutcome };

const FILE_LABEL = {
  deals: 'import.fileDeals',
  history: 'import.fileHistory',
  stages: 'import.fileStages',
  mentors: 'import.fileMentors',
  quotas: 'import.fileQuotas',
} as const satisfies Record<ImportFileKind, string>;

/**
 * Import: pick files → (a CRM's own deals export: map its columns and stage values) →
 * check (nothing written) → decide → apply in one transaction.
 * Bad rows are shown by file and line; the person chooses between importing only the
 * valid rows and cancelling. Replacing demo data needs an explicit confirmation.
 */
export function ImportDialog({
  opened,
  onClose,
  isDemo,
}: {
  opened: boolean;
  onClose: () => void;
  isDemo: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<PickedFiles>({});
  const [step, setStep] = useState<Step>({ name: 'select' });
  const [confirmDemo, setConfirmDemo] = useState(false);
  const [progress, setProgress] = useState<Events['import.progress'] | null>(null);

  useEffect(() => {
    if (step.name !== 'applying') return;
    return api.on('import.progress', setProgress);
  }, [api, step.name]);

  const reset = () => {
    setPicked({});
    setStep({ name: 'select' });
    setConfirmDemo(false);
    setProgress(null);
  };
  const close = () => {
    // The work finishes first.
    if (step.name === 'applying' || step.name === 'checking' || (step.name === 'mapping' && step.busy))
      return;
    onClose();
    reset();
  };

  const check = async () => {
    setStep({ name: 'checking' });
    try {
      const files = await readFiles(picked);
      // A deals file without the canonical columns is a CRM's own export: map it first. One
      // that cannot be read at all goes to the check, whose report says why.
      const preview = files.deals ? await api.invoke('import.preview', { file: files.deals }) : null;
      if (preview && !preview.canonical && preview.errors.length === 0 && preview.header.length > 0) {
        setStep({ name: 'mapping', files, preview });
        return;
      }
      const result = await api.invoke('import.check', { files });
      setStep({ name: 'checked', batch: { files }, check: result });
    } catch (e) {
      const message =
        e instanceof FileReadError
          ? e.code === 'too_large'
            ? t('import.tooLarge', { name: e.fileName, max: MAX_IMPORT_BYTES / 1024 / 1024 })
            : t('import.readError', { name: e.fileName, message: e.message })
          : t('errors.generic', { message: errorText(e, i18n.language) });
      setStep({ name: 'select', error: message });
    }
  };

  const checkMapped = async (files: ImportFiles, preview: ImportPreview, mapping: DealMapping) => {
    setStep({ name: 'mapping', files, preview, mapping, busy: true });
    try {
      const result = await api.invoke('import.check', { files, mapping });
      setStep({ name: 'checked', batch: { files, mapping, preview }, check: result });
    } catch (e) {
      setStep({
        name: 'mapping',
        files,
        preview,
        mapping,
        error: t('errors.generic', { message: errorText(e, i18n.language) }),
      });
    }
  };

  const apply = async (batch: Batch, checkResult: ImportCheck, skipInvalid: boolean) => {
    setStep({ name: 'applying', batch, check: checkResult });
    setProgress(null);
    try {
      const { files, mapping } = batch;
      const outcome = await api.invoke('import.apply', {
        files,
        ...(mapping ? { mapping } : {}),
        skipInvalid,
      });
      setStep({ name: 'done', outcome });
      // Everything on screen may have changed: deals, facets, the demo flag.
      await queryClient.invalidateQueries();
    } catch (e) {
      setStep({
        name: 'checked',
        batch,
        check: checkResult,
        error: t('import.applyError', { message: errorText(e, i18n.language) }),
      });
    }
  };

  return (
    // Compound parts so the header is not a second "banner" landmark, and no scroll lock
    // (the page never scrolls; the lock would inject a <style> without the CSP nonce).
    <Modal.Root opened={opened} onClose={close} size="xl" closeOnClickOutside={false} lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="import-dialog">
        <Modal.Header role="presentation">
          <Modal.Title>{t('import.title')}</Modal.Title>
          <Modal.CloseButton aria-label={t('import.close')} />
        </Modal.Header>
        <Modal.Body>
          {step.name === 'select' || step.name === 'checking' ? (
            <Stack gap="sm">
              <Text size="sm">{t('import.intro')}</Text>
              {IMPORT_FILE_KINDS.map((kind) => (
                <FileInput
                  key={kind}
                  label={t(FILE_LABEL[kind])}
                  description={kind === 'deals' ? t('import.required') : t('import.optional')}
                  withAsterisk={kind === 'deals'}
                  placeholder={t('import.choose')}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  clearable
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  value={picked[kind] ?? null}
                  onChange={(file) => setPicked((p) => ({ ...p, [kind]: file }))}
                  disabled={step.name === 'checking'}
                  fileInputProps={{ 'data-testid': `import-file-${kind}` } as React.ComponentProps<'input'>}
                />
              ))}
              {step.name === 'select' && step.error && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                  {step.error}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} disabled={step.name === 'checking'}>
                  {t('import.cancel')}
                </Button>
                <Button
                  onClick={() => void check()}
                  disabled={!picked.deals}
                  loading={step.name === 'checking'}
                  data-testid="import-check"
                >
                  {t('import.check')}
                </Button>
              </Group>
            </Stack>
          ) : step.name === 'mapping' ? (
            <Stack gap="sm">
              <MappingStep
                preview={step.preview}
                {...(step.mapping ? { start: step.mapping } : {})}
                busy={Boolean(step.busy)}
                onBack={() => setStep({ name: 'select' })}
                onCheck={(mapping) => void checkMapped(step.files, step.preview, mapping)}
              />
              {step.error && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                  {step.error}
                </Alert>
              )}
            </Stack>
          ) : step.name === 'checked' ? (
            <Stack gap="md">
              <CheckReport check={step.check} />
              {isDemo && (
                <Alert
                  color="yellow"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('import.demoTitle')}
                >
                  <Stack gap="xs">
                    <Text size="sm">{t('import.demoBody')}</Text>
                    <Checkbox
                      label={t('import.demoConfirm')}
                      checked={confirmDemo}
                      onChange={(e) => setConfirmDemo(e.currentTarget.checked)}
                      data-testid="import-confirm-demo"
                    />
                  </Stack>
                </Alert>
              )}
              {step.error && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                  {step.error}
                </Alert>
              )}
              <ApplyActions
                check={step.check}
                blocked={isDemo && !confirmDemo}
                onBack={() =>
                  setStep(
                    step.batch.preview
                      ? {
                          name: 'mapping',
                          files: step.batch.files,
                          preview: step.batch.preview,
                          ...(step.batch.mapping ? { mapping: step.batch.mapping } : {}),
                        }
                      : { name: 'select' },
                  )
                }
                onCancel={close}
                onApply={(skipInvalid) => void apply(step.batch, step.check, skipInvalid)}
              />
            </Stack>
          ) : step.name === 'applying' ? (
            <Stack gap="sm" role="status" aria-live="polite">
              <Text fw={600}>{t('import.applying')}</Text>
              <Text size="sm">
                {progress?.phase === 'writing' ? t('import.phaseWriting') : t('import.phaseChecking')}
                {progress &&
                  progress.total > 0 &&
                  ` · ${format.count(progress.done)} / ${format.count(progress.total)}`}
              </Text>
              <Progress
                value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 100}
                animated={!progress || progress.total === 0}
                striped
                aria-label={t('import.applying')}
                data-testid="import-progress"
              />
            </Stack>
          ) : (
            <Stack gap="md" data-testid="import-done">
              <Alert
                color="green"
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                title={t('import.done')}
              >
                <Text size="sm">
                  {t('import.doneBody', {
                    count: Object.values(step.outcome.imported).reduce((a, b) => a + b, 0),
                  })}
                  {step.outcome.replacedDemo && ` ${t('import.replacedDemo')}`}
                </Text>
              </Alert>
              <CheckReport check={step.outcome} imported={step.outcome.imported} />
              <Group justify="flex-end">
                <Button onClick={close} data-testid="import-close">
                  {t('import.close')}
                </Button>
              </Group>
            </Stack>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

function ApplyActions({
  check,
  blocked,
  onBack,
  onCancel,
  onApply,
}: {
  check: ImportCheck;
  blocked: boolean;
  onBack: () => void;
  onCancel: () => void;
  onApply: (skipInvalid: boolean) => void;
}) {
  const { t } = useTranslation();
  const valid = validRows(check.counts);
  const hasErrors = !check.valid || check.errors.length > 0;
  return (
    <Stack gap="xs">
      {hasErrors && valid === 0 && (
        <Text size="sm" fw={600}>
          {t('import.nothingValid')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="subtle" onClick={onBack}>
          {t('import.back')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('import.cancel')}
        </Button>
        {hasErrors ? (
          valid > 0 && (
            <Button
              leftSection={<IconAlertTriangle size={16} aria-hidden />}
              onClick={() => onApply(true)}
              disabled={blocked}
              data-testid="import-apply"
            >
              {t('import.importValid', { count: valid })}
            </Button>
          )
        ) : (
          <Button onClick={() => onApply(false)} disabled={blocked} data-testid="import-apply">
            {t('import.importAll')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
