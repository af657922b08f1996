import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { downloadBytes, downloadText } from '../export/download';
import { useNotify } from '../notices/NoticesProvider';
import { navigate, routeHref } from '../shell/route';
import { planLang } from './usePlans';

/**
 * Printing before the visit: the plan as Markdown or Word in the UI's language (saved
 * through the download path, like the review minutes), and the print view, which prints
 * through the system's dialog (and saves a PDF from there).
 */
export function PlanExport({ planId }: { planId: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const save = async (format: 'md' | 'docx') => {
    setBusy(true);
    try {
      const file = await api.invoke('plans.export', { planId, format, lang: planLang(i18n.language) });
      if (file.base64 !== null) downloadBytes(file.fileName, file.base64, file.mime);
      else downloadText(file.fileName, file.text ?? '', `${file.mime};charset=utf-8`);
      notify({ message: t('plans.review.exported', { file: file.fileName }), color: 'green' });
    } catch (e) {
      notify({
        message: t('plans.review.exportError', { message: errorText(e, i18n.language) }),
        color: 'red',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            loading={busy}
            data-testid="plan-export"
          >
            {t('plans.review.exportLabel')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void save('md')} data-testid="plan-export-md">
            {t('plans.review.exportMd')}
          </Menu.Item>
          <Menu.Item onClick={() => void save('docx')} data-testid="plan-export-docx">
            {t('plans.review.exportDocx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} aria-hidden />}
        onClick={() => navigate(routeHref('plans', { id: String(planId), view: 'print' }))}
        data-testid="plan-print-view"
      >
        {t('plans.review.print')}
      </Button>
    </>
  );
}
