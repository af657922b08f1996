import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, Objection } from '@shared/contract';

/** The plan's repeatable parts: attendees of one side, questions, objections with answers. */

function FieldGroup({ label, children }: { label: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <Text size="sm" fw={500} id={id} mb={4}>
        {label}
      </Text>
      <Stack gap={6}>{children}</Stack>
    </div>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mt={4}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}

function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button
      size="xs"
      variant="subtle"
      leftSection={<IconPlus size={14} aria-hidden />}
      onClick={onClick}
      w="fit-content"
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

export function AttendeesField({
  side,
  attendees,
  onChange,
  disabled,
}: {
  side: Attendee['side'];
  attendees: Attendee[];
  onChange: (all: Attendee[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const label = side === 'ours' ? t('plans.editor.attendeesOurs') : t('plans.editor.attendeesTheirs');
  const mine = attendees.map((a, i) => [a, i] as const).filter(([a]) => a.side === side);
  const patch = (index: number, change: Partial<Attendee>) =>
    onChange(attendees.map((a, i) => (i === index ? { ...a, ...change } : a)));
  return (
    <FieldGroup label={label}>
      {mine.map(([a, index], n) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start" data-testid={`attendee-${side}`}>
          <TextInput
            aria-label={t('plans.editor.attendeeNameOf', { side: label, n: n + 1 })}
            placeholder={t('plans.editor.attendeeName')}
            value={a.name}
            onChange={(e) => patch(index, { name: e.currentTarget.value })}
            maxLength={200}
            disabled={disabled}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('plans.editor.attendeeRoleOf', { side: label, n: n + 1 })}
            placeholder={t('plans.editor.attendeeRole')}
            value={a.role}
            onChange={(e) => patch(index, { role: e.currentTarget.value })}
            maxLength={200}
            disabled={disabled}
            style={{ flex: 1 }}
          />
          {!disabled && (
            <RemoveButton
              label={t('plans.editor.removeAttendee', { n: n + 1 })}
              onClick={() => onChange(attendees.filter((_, i) => i !== index))}
            />
          )}
        </Group>
      ))}
      {!disabled && (
        <AddButton
          label={t('plans.editor.addAttendee')}
          onClick={() => onChange([...attendees, { side, name: '', role: '' }])}
          testId={`add-attendee-${side}`}
        />
      )}
    </FieldGroup>
  );
}

export function QuestionsField({
  questions,
  onChange,
  disabled,
}: {
  questions: string[];
  onChange: (all: string[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FieldGroup label={t('plans.editor.questions')}>
      {questions.map((q, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t('plans.editor.question', { n: i + 1 })}
            value={q}
            onChange={(e) => onChange(questions.map((x, j) => (j === i ? e.currentTarget.value : x)))}
            maxLength={1000}
            disabled={disabled}
            style={{ flex: 1 }}
            data-testid="plan-question"
          />
          {!disabled && (
            <RemoveButton
              label={t('plans.editor.removeQuestion', { n: i + 1 })}
              onClick={() => onChange(questions.filter((_, j) => j !== i))}
            />
          )}
        </Group>
      ))}
      {!disabled && (
        <AddButton
          label={t('plans.editor.addQuestion')}
          onClick={() => onChange([...questions, ''])}
          testId="add-question"
        />
      )}
    </FieldGroup>
  );
}

export function ObjectionsField({
  objections,
  onChange,
  disabled,
}: {
  objections: Objection[];
  onChange: (all: Objection[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const patch = (index: number, change: Partial<Objection>) =>
    onChange(objections.map((o, i) => (i === index ? { ...o, ...change } : o)));
  return (
    <FieldGroup label={t('plans.editor.objections')}>
      {objections.map((o, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ flex: 1 }}>
            <TextInput
              aria-label={t('plans.editor.objection', { n: i + 1 })}
              placeholder={t('plans.editor.objection', { n: i + 1 })}
              value={o.objection}
              onChange={(e) => patch(i, { objection: e.currentTarget.value })}
              maxLength={1000}
              disabled={disabled}
              data-testid="plan-objection"
            />
            <Textarea
              aria-label={t('plans.editor.answer', { n: i + 1 })}
              placeholder={t('plans.editor.answer', { n: i + 1 })}
              value={o.answer}
              onChange={(e) => patch(i, { answer: e.currentTarget.value })}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={2000}
              disabled={disabled}
            />
          </Stack>
          {!disabled && (
            <RemoveButton
              label={t('plans.editor.removeObjection', { n: i + 1 })}
              onClick={() => onChange(objections.filter((_, j) => j !== i))}
            />
          )}
        </Group>
      ))}
      {!disabled && (
        <AddButton
          label={t('plans.editor.addObjection')}
          onClick={() => onChange([...objections, { objection: '', answer: '' }])}
          testId="add-objection"
        />
      )}
    </FieldGroup>
  );
}
