import { Badge, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Assumption } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { useFormat } from '../../format/useFormat';
import { useLabels, useFacets } from '../../pipeline/useFacets';
import { bounds, fieldDecimals, fieldStart, type FieldError, type FieldValue } from './assumption-edit';
import { useAssumptionText } from './assumption-text';

/** An assumption's name, with the stage a stage's win rate is of. */
export function useAssumptionName(): (a: Assumption) => string {
  const { t, i18n } = useTranslation();
  const labels = useLabels(useFacets().data);
  return (a) => {
    const name = formatMessage(a.name, i18n.language);
    return a.stage === null
      ? name
      : t('horizons.assumptions.stageName', { name, stage: labels.stage(a.stage) });
  };
}

/**
 * One assumption: its name and whether it is the history's value, saved for the scope or a
 * what-if; the field to edit it (refusing at the field what the forecast would refuse); how
 * the history gave it, with the counts; what it fell back to when the history was short;
 * and, when edited or saved, the way back to the history's value.
 */
export function AssumptionRow({
  assumption: a,
  field,
  edited,
  error,
  onChange,
  onBackToHistory,
  busy,
}: {
  assumption: Assumption;
  /** The draft, or undefined when the field shows the value used. */
  field: FieldValue | undefined;
  /** Whether the field holds an edit not yet applied. */
  edited: boolean;
  error: FieldError | undefined;
  onChange: (field: FieldValue) => void;
  onBackToHistory: () => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const text = useAssumptionText();
  const name = useAssumptionName()(a);
  const unit = t(`horizons.assumptions.units.${a.unit}`);
  // Money needs no unit beside the field: the figure is the amount.
  const short = a.unit === 'money' ? null : t(`horizons.assumptions.unitsShort.${a.unit}`);
  const decimals = fieldDecimals(a.unit);
  const { min } = bounds(a.key);
  const number = (v: number) =>
    new Intl.NumberFormat(format.language, { maximumFractionDigits: decimals }).format(v);
  const errorText =
    error?.kind === 'required'
      ? t('horizons.assumptions.errors.required')
      : error?.kind === 'range'
        ? t('horizons.assumptions.errors.range', { min: number(error.min), max: number(error.max), unit })
        : undefined;
  const description = edited
    ? t('horizons.assumptions.edited')
    : a.overridden
      ? t('horizons.assumptions.history', { value: text(a.unit, a.derived) })
      : undefined;

  return (
    <Table.Tr
      data-testid="horizon-assumption"
      data-key={a.key}
      data-stage={a.stage ?? undefined}
      data-overridden={a.overridden ?? 'no'}
    >
      <Table.Th scope="row" fw={600} style={{ verticalAlign: 'top' }}>
        <Stack gap={6} align="flex-start">
          <Text fw={600} inherit>
            {name}
          </Text>
          <Group gap={6}>
            {a.overridden === 'saved' && (
              <Badge variant="light" color="blue" tt="none" data-testid="horizon-assumption-saved">
                {t('horizons.assumptions.saved')}
              </Badge>
            )}
            {a.overridden === 'input' && (
              <Badge variant="light" color="grape" tt="none" data-testid="horizon-assumption-whatif">
                {t('horizons.assumptions.whatIf')}
              </Badge>
            )}
            {a.basis === 'fallback' && (
              <Badge variant="light" color="gray" tt="none" data-testid="horizon-assumption-fallback-badge">
                {t('horizons.assumptions.fallback')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Th>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={4} align="flex-start">
          <NumberInput
            aria-label={t('horizons.assumptions.fieldLabel', { name, unit })}
            value={field ?? fieldStart(a)}
            onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
            decimalScale={a.unit === 'money' ? 2 : decimals + 1}
            allowNegative={min < 0}
            thousandSeparator={a.unit === 'money' || a.unit === 'dealsPerMonth' ? ',' : undefined}
            clampBehavior="none"
            hideControls
            rightSection={
              short ? (
                <Text size="sm" c="dimmed" pr={6} style={{ whiteSpace: 'nowrap' }} aria-hidden>
                  {short}
                </Text>
              ) : undefined
            }
            rightSectionWidth={short ? 76 : undefined}
            description={description}
            inputWrapperOrder={['input', 'description', 'error']}
            error={errorText}
            w={220}
            data-testid="horizon-assumption-field"
          />
          {a.overridden !== null && (
            <Button
              variant="subtle"
              size="compact-sm"
              px={4}
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={onBackToHistory}
              disabled={busy}
              aria-label={t('horizons.assumptions.useHistoryOf', { name })}
              data-testid="horizon-assumption-use-history"
            >
              {t('horizons.assumptions.useHistory')}
            </Button>
          )}
        </Stack>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Stack gap={6}>
          <Text size="sm" data-testid="horizon-assumption-derivation">
            {formatMessage(a.derivation, i18n.language)}
          </Text>
          {a.fallback && (
            <Group gap={6} wrap="nowrap" align="flex-start" data-testid="horizon-assumption-fallback">
              <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
              <Text size="sm" fw={500}>
                {formatMessage(a.fallback, i18n.language)}
              </Text>
            </Group>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
