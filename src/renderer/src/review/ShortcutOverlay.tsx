import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The presenter's keys, in the order a meeting uses them. */
export const SHORTCUTS = [
  { keys: ['→', 'PageDown', 'Space', 'J'], what: 'next' },
  { keys: ['←', 'PageUp', 'K'], what: 'previous' },
  { keys: ['Home', 'End'], what: 'firstLast' },
  { keys: ['G'], what: 'jump' },
  { keys: ['D'], what: 'decision' },
  { keys: ['N'], what: 'nextStep' },
  { keys: ['R'], what: 'risk' },
  { keys: ['C'], what: 'agree' },
  { keys: ['F'], what: 'followUp' },
  { keys: ['T'], what: 'timer' },
  { keys: ['O'], what: 'audience' },
  { keys: ['Shift+F'], what: 'fullScreen' },
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'close' },
] as const;

export function ShortcutOverlay({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('review.shortcuts.title')}
      size="lg"
      centered
      lockScroll={false}
    >
      <Table data-testid="shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.what}>
              <Table.Td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{t(`review.shortcuts.${s.what}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
