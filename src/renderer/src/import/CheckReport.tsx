import { Alert, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FILE_KINDS, type ImportCheck, type ImportFileKind, type ImportIssue } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { useFormat } from '../format/useFormat';

/** The list shows this many issues; the rest are counted (the backend caps errors too). */
const SHOWN = 100;

/** What a check found: rows per file, then errors and warnings by file and line. */
export function CheckReport({
  check,
  imported,
}: {
  check: ImportCheck;
  imported?: Record<ImportFileKind, number>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const present = IMPORT_FILE_KINDS.filter(
    (k) => (check.counts[k]?.rows ?? 0) + (check.counts[k]?.invalid ?? 0) > 0,
  );
  const hasErrors = !check.valid || check.errors.length > 0;
  const hidden = Math.max(0, check.errors.length - SHOWN) + check.moreErrors;

  return (
    <>
      {!imported &&
        (hasErrors ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('import.resultInvalid')}
            role="status"
          />
        ) : (
          <Alert
            color="green"
            variant="light"
            icon={<IconCircleCheck aria-hidden />}
            title={t('import.resultValid')}
            role="status"
          />
        ))}
      <Table withTableBorder striped data-testid="import-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('import.file')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('import.rows')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('import.invalid')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(present.length ? present : (['deals'] as const)).map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{t(`import.kind.${kind}`)}</Table.Td>
              <Table.Td ta="right">
                {format.count(imported ? imported[kind] : (check.counts[kind]?.rows ?? 0))}
              </Table.Td>
              <Table.Td ta="right">{format.count(check.counts[kind]?.invalid ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {check.errors.length > 0 && (
        <Issues title={t('import.errors')} issues={check.errors.slice(0, SHOWN)} testId="import-errors" />
      )}
      {hidden > 0 && <Text size="sm">{t('import.moreErrors', { count: hidden })}</Text>}
      {check.warnings.length > 0 && (
        <Issues
          title={t('import.warnings')}
          issues={check.warnings.slice(0, SHOWN)}
          testId="import-warnings"
        />
      )}
    </>
  );
}

function Issues({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={testId}>
      <Title order={3} size="h5" mb={4}>
        {title} ({issues.length})
      </Title>
      <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={130}>
                {t('import.file')}
              </Table.Th>
              <Table.Th scope="col" w={90} ta="right">
                {t('import.line')}
              </Table.Th>
              <Table.Th scope="col">{t('import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, i) => (
              <Table.Tr key={`${issue.file}-${issue.line}-${i}`}>
                <Table.Td>{t(`import.kind.${issue.file}`)}</Table.Td>
                <Table.Td ta="right">
                  {issue.line > 0
                    ? issue.sheet !== undefined
                      ? t('import.sheetRow', { sheet: issue.sheet, line: issue.line })
                      : issue.line
                    : t('import.wholeFile')}
                </Table.Td>
                {/* One bilingual catalog (src/shared/messages) for the CLI and the app. */}
                <Table.Td>{formatMessage({ key: issue.code, params: issue.params }, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
