import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPORT_KINDS, type ExportKind } from '@shared/contract';
import { useApi } from '../api/ApiProvider';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { downloadText } from './download';

/** The canonical CSVs, the same format import reads, so a round trip is lossless. */
export function ExportMenu({ opened, onChange }: { opened: boolean; onChange: (opened: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();

  const run = async (kind: ExportKind) => {
    try {
      const { filename, text } = await api.invoke('export.csv', { kind });
      downloadText(filename, text);
      notify({ message: t('export.done', { filename }), color: 'green' });
    } catch (e) {
      notify({
        message: t('export.error', { message: errorText(e, i18n.language) }),
        color: 'red',
        autoClose: 0,
      });
    }
  };

  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={onChange}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="export-menu"
        >
          {t('header.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.menuLabel')}</Menu.Label>
        {EXPORT_KINDS.map((kind) => (
          <Menu.Item key={kind} onClick={() => void run(kind)} data-testid={`export-${kind}`}>
            {t(`export.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
