import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportScope } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { downloadBytes } from '../export/download';
import { useNotify } from '../notices/NoticesProvider';

/** The per-mentor, per-quarter table as an XLSX workbook for payroll, in the UI's language. */
export function ExportXlsxButton({ scope }: { scope: ReportScope | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const exportXlsx = useMutation({
    mutationFn: () => api.invoke('mentors.exportXlsx', { ...scope!, lang }),
    onSuccess: (file) => {
      downloadBytes(file.fileName, file.base64, file.mime);
      notify({ message: t('mentors.view.exported', { file: file.fileName }), color: 'green' });
    },
    onError: (error) =>
      notify({
        message: t('mentors.view.exportError', { message: errorText(error, i18n.language) }),
        color: 'red',
        autoClose: 0,
      }),
  });
  return (
    <Button
      variant="default"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      onClick={() => exportXlsx.mutate()}
      loading={exportXlsx.isPending}
      disabled={scope === null}
      data-testid="mentors-export"
    >
      {t('mentors.view.export')}
    </Button>
  );
}
