import { Button, Group, Notification, Stack } from '@mantine/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

export interface NoticeInput {
  message: string;
  color?: 'green' | 'red' | 'blue' | 'gray';
  /** e.g. Undo; the notice closes once the action runs. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds; 0 keeps it until dismissed. Undo notices stay long enough to be read. */
  autoClose?: number;
}

interface Notice extends NoticeInput {
  id: number;
}

type Notify = (notice: NoticeInput) => void;
const NoticesContext = createContext<Notify>(() => undefined);

/**
 * A small notification stack (the app ships no @mantine/notifications). It lives in a
 * labelled, polite live region so screen readers announce "Note deleted — Undo" without
 * interrupting, and so every piece of content sits inside a landmark.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback<Notify>(
    (input) => {
      const id = nextId.current++;
      // Keep the stack short: the oldest notices go first.
      setNotices((list) => [...list.slice(-3), { ...input, id }]);
      const autoClose = input.autoClose ?? 5000;
      if (autoClose > 0)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), autoClose),
        );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const value = useMemo(() => notify, [notify]);

  return (
    <NoticesContext.Provider value={value}>
      {children}
      <section aria-label={t('notices.label')} aria-live="polite" className="funnel-notices">
        <Stack gap="xs">
          {notices.map((n) => (
            <Notification
              key={n.id}
              role="status"
              color={n.color ?? 'blue'}
              withBorder
              onClose={() => dismiss(n.id)}
              closeButtonProps={{ 'aria-label': t('notices.dismiss') }}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <span>{n.message}</span>
                {n.action && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => {
                      dismiss(n.id);
                      n.action?.onClick();
                    }}
                  >
                    {n.action.label}
                  </Button>
                )}
              </Group>
            </Notification>
          ))}
        </Stack>
      </section>
    </NoticesContext.Provider>
  );
}

export const useNotify = (): Notify => useContext(NoticesContext);
