import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, STANCES, type Contact, type ContactDraft } from '@shared/contract';

const EMPTY: ContactDraft = {
  name: '',
  title: '',
  role: 'decision_maker',
  influence: 3,
  stance: 'neutral',
  met: false,
  note: '',
};

/**
 * Adds or edits one contact of the buying centre. Mounted per opening, so it starts from
 * the contact as it is (or empty). The name is the one required field.
 */
export function ContactDialog({
  contact,
  saving,
  error,
  onSave,
  onClose,
}: {
  /** null: a new contact. */
  contact: Contact | null;
  saving: boolean;
  error: string | null;
  onSave: (draft: ContactDraft) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const influenceId = useId();
  const [draft, setDraft] = useState<ContactDraft>(() =>
    contact
      ? {
          id: contact.id,
          name: contact.name,
          title: contact.title,
          role: contact.role,
          influence: contact.influence,
          stance: contact.stance,
          met: contact.met,
          note: contact.note,
        }
      : EMPTY,
  );
  const [attempted, setAttempted] = useState(false);
  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () => {
    setAttempted(true);
    if (draft.name.trim()) onSave({ ...draft, name: draft.name.trim() });
  };

  return (
    <Modal.Root opened onClose={onClose} size="md" lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content data-testid="contact-dialog">
        <Modal.Header role="presentation">
          <Modal.Title>{contact ? t('plans.centre.dialogEdit') : t('plans.centre.dialogNew')}</Modal.Title>
          <Modal.CloseButton aria-label={t('plans.centre.cancel')} />
        </Modal.Header>
        <Modal.Body>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              // React events bubble through portals: the plan editor's form around this
              // dialog must not take the contact's submit for its own (a draft save).
              e.stopPropagation();
              submit();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('plans.centre.name')}
                value={draft.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={attempted && !draft.name.trim() ? t('plans.editor.required') : undefined}
                maxLength={200}
                required
                data-autofocus
                data-testid="contact-name"
              />
              <TextInput
                label={t('plans.centre.jobTitle')}
                value={draft.title ?? ''}
                onChange={(e) => set({ title: e.currentTarget.value })}
                maxLength={200}
                data-testid="contact-title"
              />
              <NativeSelect
                label={t('plans.centre.role')}
                value={draft.role}
                onChange={(e) => set({ role: e.currentTarget.value as ContactDraft['role'] })}
                data={CONTACT_ROLES.map((r) => ({ value: r, label: t(`plans.roles.${r}`) }))}
                data-testid="contact-role"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id={influenceId}>
                  {t('plans.centre.influence')}
                </Text>
                <SegmentedControl
                  aria-labelledby={influenceId}
                  value={String(draft.influence)}
                  onChange={(v) => set({ influence: Number(v) })}
                  data={['1', '2', '3', '4', '5']}
                  data-testid="contact-influence"
                />
                <Text size="xs" c="dimmed">
                  {t('plans.centre.influenceHint')}
                </Text>
              </Stack>
              <NativeSelect
                label={t('plans.centre.stance')}
                value={draft.stance}
                onChange={(e) => set({ stance: e.currentTarget.value as ContactDraft['stance'] })}
                data={STANCES.map((s) => ({ value: s, label: t(`plans.stances.${s}`) }))}
                data-testid="contact-stance"
              />
              <Checkbox
                label={t('plans.centre.met')}
                checked={draft.met}
                onChange={(e) => set({ met: e.currentTarget.checked })}
                data-testid="contact-met"
              />
              <Textarea
                label={t('plans.centre.note')}
                value={draft.note ?? ''}
                onChange={(e) => set({ note: e.currentTarget.value })}
                autosize
                minRows={2}
                maxRows={5}
                maxLength={2000}
              />
              {error && (
                <Text size="sm" className="funnel-error-text" role="alert">
                  {error}
                </Text>
              )}
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={onClose}>
                  {t('plans.centre.cancel')}
                </Button>
                <Button type="submit" loading={saving} data-testid="contact-save">
                  {t('plans.centre.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
