import { Alert, Button, Group, Modal, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRM_KINDS, type CrmConnectionView, type CrmSource, type SecretStorageInfo } from '@shared/contract';
import { formatMessage, type MessageRef } from '@shared/messages';
import { useApi } from '../api/ApiProvider';
import { ApiError, errorText } from '../api/errors';
import { CRMS, crmName, ENV_NAME, isCrmUrl } from './crm';

type Step =
  | { name: 'form' }
  /** Linux without a keyring: the backend asks before storing the token obscured, not encrypted. */
  | { name: 'confirm'; say: MessageRef }
  | { name: 'connected'; connection: CrmConnectionView };

interface Props {
  opened: boolean;
  onClose: () => void;
  secrets: SecretStorageInfo;
  /** The connection is stored: the page selects it. */
  onConnected: (connection: CrmConnectionView) => void;
  /** "Sync now" on the last step. */
  onSyncNow: (connection: CrmConnectionView) => void;
}

/**
 * Connecting a CRM: which one, its API address, and its token — typed here (checked with
 * the CRM, then kept by the desktop app's keychain) or named as an environment variable
 * (read at every sync, never stored; the only way in a browser, which has no keychain).
 * The backend tries the token before it stores anything, so "Test and connect" is one step.
 */
export function ConnectDialog({ opened, onClose, secrets, onConnected, onSyncNow }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const api = useApi();
  const envOnly = secrets.backend === null;

  const [kind, setKind] = useState<CrmSource>('hubspot');
  const [url, setUrl] = useState(CRMS.hubspot.defaultUrl);
  const [mode, setMode] = useState<'token' | 'env'>(envOnly ? 'env' : 'token');
  const [token, setToken] = useState('');
  const [tokenEnv, setTokenEnv] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'form' });
  // The person's yes to storing without encryption holds until the dialog closes: a
  // mistyped token corrected afterwards is not asked about again.
  const [basicTextAgreed, setBasicTextAgreed] = useState(false);
  const useEnv = envOnly || mode === 'env';

  const connect = useMutation({
    mutationFn: (allowBasicText: boolean) => {
      if (allowBasicText) setBasicTextAgreed(true);
      return api.invoke(
        'sync.connect',
        useEnv
          ? { kind, url: url.trim(), tokenEnv: tokenEnv.trim() }
          : { kind, url: url.trim(), token: token.trim(), allowBasicText },
      );
    },
    onSuccess: (connection) => {
      // The token has done its work: it lives on only where the backend keeps it.
      setToken('');
      setStep({ name: 'connected', connection });
      onConnected(connection);
    },
    onError: (error) => {
      if (
        error instanceof ApiError &&
        error.code === 'conflict' &&
        error.say.key === 'sync_basic_text_confirm'
      )
        setStep({ name: 'confirm', say: error.say });
      else setStep({ name: 'form' });
    },
  });
  const failure =
    connect.error && !(connect.error instanceof ApiError && connect.error.code === 'conflict')
      ? connect.error
      : null;

  const urlError = attempted && !isCrmUrl(url) ? t('sources.connectDialog.urlInvalid') : undefined;
  const tokenError =
    attempted && !useEnv && token.trim() === '' ? t('sources.connectDialog.tokenRequired') : undefined;
  const envError =
    attempted && useEnv && !ENV_NAME.test(tokenEnv.trim())
      ? t('sources.connectDialog.envInvalid')
      : undefined;

  const pickKind = (next: CrmSource) => {
    // The address follows the CRM unless the person typed their own.
    if (url.trim() === '' || url.trim() === CRMS[kind].defaultUrl) setUrl(CRMS[next].defaultUrl);
    setKind(next);
    connect.reset();
  };
  const submit = () => {
    setAttempted(true);
    const valid = isCrmUrl(url) && (useEnv ? ENV_NAME.test(tokenEnv.trim()) : token.trim() !== '');
    if (valid) connect.mutate(basicTextAgreed);
  };
  const close = () => {
    if (connect.isPending) return; // the CRM's answer comes first
    onClose();
    setKind('hubspot');
    setUrl(CRMS.hubspot.defaultUrl);
    setMode(envOnly ? 'env' : 'token');
    setToken('');
    setTokenEnv('');
    setAttempted(false);
    setStep({ name: 'form' });
    setBasicTextAgreed(false);
    connect.reset();
  };
  const crm = crmName(kind);

  return (
    <Modal.Root opened={opened} onClose={close} size="lg" closeOnClickOutside={false} lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="connect-dialog">
        <Modal.Header role="presentation">
          <Modal.Title>{t('sources.connectDialog.title')}</Modal.Title>
          <Modal.CloseButton aria-label={t('sources.connectDialog.close')} />
        </Modal.Header>
        <Modal.Body>
          {step.name === 'connected' ? (
            <Stack gap="md" data-testid="connect-done">
              <Alert
                color="green"
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                title={t('sources.connectDialog.connectedTitle', { crm: crmName(step.connection.kind) })}
              >
                {t('sources.connectDialog.connectedBody', { account: step.connection.label })}
              </Alert>
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('sources.connectDialog.later')}
                </Button>
                <Button
                  onClick={() => {
                    onSyncNow(step.connection);
                    close();
                  }}
                  data-testid="connect-sync-now"
                >
                  {t('sources.connectDialog.syncNow')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <Stack gap="md">
                <Radio.Group
                  label={t('sources.connectDialog.crm')}
                  value={kind}
                  onChange={(v) => pickKind(v as CrmSource)}
                >
                  <Group gap="lg" mt={6}>
                    {CRM_KINDS.map((k) => (
                      <Radio key={k} value={k} label={crmName(k)} data-testid={`connect-crm-${k}`} />
                    ))}
                  </Group>
                  {/* What is read from the chosen CRM, under the choice it describes. */}
                  <Text size="sm" c="dimmed" mt={6} aria-live="polite">
                    {t(`sources.connectDialog.about.${kind}`)}
                  </Text>
                </Radio.Group>

                <TextInput
                  label={t('sources.connectDialog.url')}
                  description={t(`sources.connectDialog.urlHelp.${kind}`)}
                  placeholder={t(`sources.connectDialog.urlPlaceholder.${kind}`)}
                  value={url}
                  onChange={(e) => {
                    setUrl(e.currentTarget.value);
                    connect.reset();
                  }}
                  error={urlError}
                  required
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="connect-url"
                />

                {envOnly ? (
                  <Alert
                    variant="light"
                    color="blue"
                    icon={<IconInfoCircle aria-hidden />}
                    data-testid="connect-env-only"
                  >
                    {t('sources.connectDialog.browserOnly', { variable: exampleVariable(kind) })}
                  </Alert>
                ) : (
                  <Radio.Group
                    label={t('sources.connectDialog.tokenSource')}
                    value={mode}
                    onChange={(v) => {
                      setMode(v === 'env' ? 'env' : 'token');
                      connect.reset();
                    }}
                  >
                    <Group gap="lg" mt={6}>
                      <Radio
                        value="token"
                        label={t('sources.connectDialog.tokenEnter')}
                        data-testid="connect-mode-token"
                      />
                      <Radio
                        value="env"
                        label={t('sources.connectDialog.tokenFromEnv')}
                        data-testid="connect-mode-env"
                      />
                    </Group>
                  </Radio.Group>
                )}

                {useEnv ? (
                  <TextInput
                    label={t('sources.connectDialog.envName')}
                    description={t('sources.connectDialog.envHelp', { variable: exampleVariable(kind) })}
                    placeholder={exampleVariable(kind)}
                    value={tokenEnv}
                    onChange={(e) => {
                      setTokenEnv(e.currentTarget.value);
                      connect.reset();
                    }}
                    error={envError}
                    required
                    autoComplete="off"
                    spellCheck={false}
                    // A variable's name is code: shown as code, the label and help stay prose.
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    data-testid="connect-env"
                  />
                ) : (
                  <Stack gap={6}>
                    <PasswordInput
                      label={t(`sources.connectDialog.token.${kind}`)}
                      description={t(`sources.connectDialog.tokenHelp.${kind}`)}
                      value={token}
                      onChange={(e) => {
                        setToken(e.currentTarget.value);
                        connect.reset();
                      }}
                      error={tokenError}
                      required
                      autoComplete="off"
                      visibilityToggleButtonProps={{ 'aria-label': t('sources.connectDialog.showToken') }}
                      data-testid="connect-token"
                    />
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                      <Text size="sm" c="dimmed">
                        {secrets.backend === 'basic_text'
                          ? t('sources.connectDialog.basicText')
                          : t('sources.connectDialog.keychain')}
                      </Text>
                    </Group>
                  </Stack>
                )}

                {/* Mantine's Alert is role="alert": the CRM's answer is announced as it arrives. */}
                {step.name === 'confirm' && (
                  <Alert
                    color="yellow"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden />}
                    title={t('sources.connectDialog.basicTextTitle')}
                    data-testid="connect-basic-text"
                  >
                    <Text size="sm">{formatMessage(step.say, language)}</Text>
                    <Group mt="sm" gap="xs">
                      <Button
                        color="yellow"
                        c="var(--mantine-color-black)"
                        onClick={() => connect.mutate(true)}
                        loading={connect.isPending}
                        data-testid="connect-store-basic-text"
                      >
                        {t('sources.connectDialog.basicTextStore')}
                      </Button>
                      <Button
                        variant="default"
                        onClick={() => {
                          setMode('env');
                          setStep({ name: 'form' });
                          connect.reset();
                        }}
                      >
                        {t('sources.connectDialog.basicTextUseEnv')}
                      </Button>
                    </Group>
                  </Alert>
                )}
                {failure && (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden />}
                    title={
                      failure instanceof ApiError && failure.code === 'unauthorized'
                        ? t('sources.connectDialog.rejected', { crm })
                        : t('sources.connectDialog.failed', { crm })
                    }
                    data-testid="connect-error"
                  >
                    {errorText(failure, language)}
                  </Alert>
                )}
                {connect.isPending && (
                  <Text size="sm" c="dimmed" role="status">
                    {t('sources.connectDialog.testing', { crm })}
                  </Text>
                )}

                <Group justify="flex-end">
                  <Button variant="default" onClick={close} disabled={connect.isPending}>
                    {t('sources.connectDialog.cancel')}
                  </Button>
                  {step.name === 'form' && (
                    <Button type="submit" loading={connect.isPending} data-testid="connect-submit">
                      {t('sources.connectDialog.submit')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** The variable name the hints use as an example, for the CRM chosen. */
const exampleVariable = (kind: CrmSource): string => `${kind.toUpperCase()}_TOKEN`;
