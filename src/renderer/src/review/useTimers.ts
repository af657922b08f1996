import { useEffect, useState } from 'react';
import type { LiveState } from '@shared/contract';

/** The meeting's and the current item's elapsed time, ticking once a second while the timer runs. */
export function useTimers(live: LiveState | undefined): {
  overallMs: number;
  itemMs: number;
  running: boolean;
} {
  const running = live?.runningSince != null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [running]);
  if (!live) return { overallMs: 0, itemMs: 0, running: false };
  const extra = live.runningSince ? Math.max(0, now - Date.parse(live.runningSince)) : 0;
  return { overallMs: live.elapsedMs + extra, itemMs: live.itemElapsedMs + extra, running };
}

/** 1:05:09 or 05:09. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h
    ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
    : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}
