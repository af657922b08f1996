import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '@shared/contract';
import { useFormat } from '../format/useFormat';
import classes from './DealDrawer.module.css';
import { useNoteMutations } from './useDeal';
import { errorText } from '../api/errors';

/** How long "Note deleted — Undo" stays offered. */
const UNDO_MS = 10_000;

/** Ctrl+Enter (Cmd+Enter on macOS) saves; never while an IME is composing Chinese text. */
const isSaveChord = (e: KeyboardEvent) =>
  e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing;

const newestFirst = (a: Note, b: Note) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id;

/**
 * The manager's own notes on a deal (笔记). They live in the local workspace only.
 * Deleting is immediate with an Undo offered inline — inside the drawer, where keyboard
 * focus is trapped — which re-creates the note from its old text.
 */
export function Notes({ dealId, notes }: { dealId: string; notes: Note[] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { save, remove } = useNoteMutations(dealId);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const add = () => {
    const body = draft.trim();
    if (!body || save.isPending) return;
    save.mutate({ body }, { onSuccess: () => setDraft('') });
  };

  const undo = () => {
    if (!deleted) return;
    save.mutate({ body: deleted.body });
    setDeleted(null);
  };

  const sorted = [...notes].sort(newestFirst);

  return (
    <section className={classes.section} aria-labelledby={headingId} data-testid="notes">
      <h3 id={headingId}>{t('notes.title')}</h3>
      <Text size="xs" className={classes.muted} mb="xs">
        {t('notes.hint')}
      </Text>
      <Stack gap="xs">
        <Textarea
          label={t('notes.inputLabel')}
          placeholder={t('notes.placeholder')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (isSaveChord(e)) {
              e.preventDefault();
              add();
            }
          }}
          autosize
          minRows={2}
          maxRows={8}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="note-input"
        />
        <Group justify="flex-end">
          <Button
            onClick={add}
            disabled={!draft.trim()}
            loading={save.isPending && editing === null}
            data-testid="note-save"
          >
            {t('notes.save')}
          </Button>
        </Group>
        {save.isError && (
          <Text size="sm" className="funnel-error-text" role="alert">
            {t('notes.saveError', { message: errorText(save.error, i18n.language) })}
          </Text>
        )}
      </Stack>
      {/* Announced politely; empty (and taking no space) unless a note was just deleted. */}
      <div role="status" className="funnel-status-slot">
        {deleted && (
          <Paper withBorder p="xs" bg="var(--mantine-color-default-hover)" data-testid="note-undo">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('notes.deleted')}</Text>
              <Button size="compact-sm" variant="default" onClick={undo} data-testid="note-undo-button">
                {t('notes.undo')}
              </Button>
            </Group>
          </Paper>
        )}
      </div>
      <Stack gap="xs" mt="sm">
        {sorted.length === 0 ? (
          <Text size="sm" className={classes.muted}>
            {t('notes.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" className="funnel-plain-list">
            {sorted.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                editing={editing === note.id}
                onEdit={() => setEditing(note.id)}
                onCancel={() => setEditing(null)}
                onSave={(body) =>
                  save.mutate({ noteId: note.id, body }, { onSuccess: () => setEditing(null) })
                }
                saving={save.isPending && editing === note.id}
                onDelete={() => remove.mutate(note, { onSuccess: () => setDeleted(note) })}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

function NoteItem({
  note,
  editing,
  saving,
  onEdit,
  onCancel,
  onSave,
  onDelete,
}: {
  note: Note;
  editing: boolean;
  saving: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (body: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper component="li" withBorder p="sm" data-testid="note-item" data-note-id={note.id}>
      {editing ? (
        <NoteEditor initial={note.body} saving={saving} onSave={onSave} onCancel={onCancel} />
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} miw={0}>
            <Text size="sm" className="funnel-note-body" data-testid="note-body">
              {note.body}
            </Text>
            <Text size="xs" className={classes.muted}>
              {format.localDateTime(note.createdAt)}
              {note.updatedAt !== note.createdAt &&
                ` · ${t('notes.edited', { date: format.localDateTime(note.updatedAt) })}`}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('notes.edit')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onEdit}
                aria-label={t('notes.edit')}
                data-testid="note-edit"
              >
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('notes.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onDelete}
                aria-label={t('notes.delete')}
                data-testid="note-delete"
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      )}
    </Paper>
  );
}

/** Mounted when editing starts, so it always begins from the note's current text. */
function NoteEditor({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: string;
  saving: boolean;
  onSave: (body: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const submit = () => {
    const trimmed = body.trim();
    if (trimmed && !saving) onSave(trimmed);
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('notes.editLabel')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (isSaveChord(e)) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            // Escape leaves the edit, not the whole drawer.
            e.stopPropagation();
            onCancel();
          }
        }}
        autosize
        minRows={2}
        maxRows={10}
        autoFocus
        data-testid="note-edit-input"
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('notes.cancel')}
        </Button>
        <Button onClick={submit} disabled={!body.trim()} loading={saving} data-testid="note-update">
          {t('notes.update')}
        </Button>
      </Group>
    </Stack>
  );
}
