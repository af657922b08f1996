import { Button, FileButton, Group, Image, Input, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_BYTES, megabytes, type CompanyLogo } from '@shared/contract';
import { formatMessage, msg } from '@shared/messages';
import { errorText } from '../api/errors';
import { toBase64 } from '../import/readFiles';
import { useNotify } from '../notices/NoticesProvider';
import { useSaveCompany } from './useCompany';

const ACCEPT = 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg';
const TYPE_NAME = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' } as const;

/** A file's bytes through FileReader (as the import reads its files; jsdom has it too). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** "4.1 KB", "1.1 MB": the logo's weight beside its size in pixels. */
const weight = (bytes: number) => (bytes < 100 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : megabytes(bytes));

/**
 * The company's logo: a preview of the kept one with its file, type and size, a button to
 * choose (or replace) it, saved as soon as it is chosen and checked by the backend (a
 * refusal shows under the field, naming the file), and removal after a confirmation.
 */
export function CompanyLogoField({ logo }: { logo: CompanyLogo | null }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const save = useSaveCompany();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    // Refused here without reading it: the same words the backend says for a large file.
    if (file.size > MAX_LOGO_BYTES) {
      setError(
        formatMessage(
          msg('logo_too_large', {
            file: file.name,
            size: megabytes(file.size),
            max: megabytes(MAX_LOGO_BYTES),
          }),
          i18n.language,
        ),
      );
      return;
    }
    let base64: string;
    try {
      base64 = toBase64(await readBytes(file));
    } catch (e) {
      setError(t('settings.company.unreadable', { file: file.name, message: errorText(e, i18n.language) }));
      return;
    }
    save.mutate(
      { logo: { fileName: file.name, base64 } },
      {
        onSuccess: () =>
          notify({ message: t('settings.company.uploaded', { file: file.name }), color: 'green' }),
        onError: (e) => setError(errorText(e, i18n.language)),
      },
    );
  };

  const remove = () =>
    save.mutate(
      { logo: null },
      {
        onSuccess: () => {
          setConfirming(false);
          notify({ message: t('settings.company.removed'), color: 'green' });
        },
        onError: (e) => {
          setConfirming(false);
          setError(errorText(e, i18n.language));
        },
      },
    );

  return (
    <Input.Wrapper
      label={t('settings.company.logo')}
      description={t('settings.company.logoHint')}
      id="company-logo"
      // Mantine's field label is for an input; here it names the group the buttons act on.
      labelElement="div"
      data-testid="company-logo"
    >
      <Stack gap="sm" mt="xs" role="group" aria-labelledby="company-logo-label">
        {logo ? (
          <Group gap="md" wrap="nowrap" align="center">
            {/* A checkerboard-free light panel: logos are drawn for white slides. */}
            <Paper withBorder p="sm" radius="sm" bg="white" className="funnel-logo-preview">
              <Image
                src={`data:${logo.type};base64,${logo.base64}`}
                alt={t('settings.company.preview', { file: logo.fileName })}
                h={72}
                w="auto"
                maw={280}
                fit="contain"
                data-testid="company-logo-preview"
              />
            </Paper>
            <Text size="sm" c="dimmed" data-testid="company-logo-facts">
              {t('settings.company.logoFacts', {
                file: logo.fileName,
                type: TYPE_NAME[logo.type],
                width: logo.width,
                height: logo.height,
                size: weight(logo.bytes),
              })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="company-logo-none">
            {t('settings.company.noLogo')}
          </Text>
        )}
        <Group gap="sm">
          <FileButton
            onChange={(file) => void upload(file)}
            accept={ACCEPT}
            inputProps={{ 'data-testid': 'company-logo-file' } as React.ComponentProps<'input'>}
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconPhotoUp size={16} aria-hidden />}
                loading={save.isPending && !confirming}
                data-testid="company-logo-choose"
              >
                {logo ? t('settings.company.replace') : t('settings.company.choose')}
              </Button>
            )}
          </FileButton>
          {logo && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
              data-testid="company-logo-remove"
            >
              {t('settings.company.remove')}
            </Button>
          )}
        </Group>
        {error && (
          <Text size="sm" className="funnel-error-text" role="alert" data-testid="company-logo-error">
            {error}
          </Text>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('settings.company.removeTitle')}
        closeButtonProps={{ 'aria-label': t('settings.company.cancel') }}
        // Scroll locking injects a <style> element the page's CSP refuses (no nonce on it).
        lockScroll={false}
        data-testid="company-logo-confirm"
      >
        <Text size="sm">{t('settings.company.removeBody', { file: logo?.fileName ?? '' })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {t('settings.company.cancel')}
          </Button>
          <Button
            color="red"
            onClick={remove}
            loading={save.isPending}
            data-testid="company-logo-remove-confirm"
          >
            {t('settings.company.removeConfirm')}
          </Button>
        </Group>
      </Modal>
    </Input.Wrapper>
  );
}
