import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The wall clock, re-read every `everyMs` so "5 min ago" keeps counting while a screen
 * stays open, and at once when `since` (the moment shown) changes, so a sync that just
 * ended is measured against the time it ended rather than the last tick.
 */
export function useNow(everyMs = 30_000, since: number | null = null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const soon = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(soon);
      clearInterval(timer);
    };
  }, [everyMs, since]);
  return now;
}

/**
 * How long ago a moment was, for the last sync: minutes within the hour, hours within the
 * day, else null (the caller shows the date). A clock a little behind the backend's must
 * not say "in 1 min": anything not yet past counts as just now.
 */
export function agoText(t: TFunction, now: number, at: number): string | null {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t('sources.ago.now');
  if (elapsed < HOUR) return t('sources.ago.minutes', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < 24 * HOUR) return t('sources.ago.hours', { count: Math.floor(elapsed / HOUR) });
  return null;
}

/** A run's length or the time a run still needs: "45 s", "2 min 5 s", "1 h 20 min". */
export function durationText(t: TFunction, ms: number): string {
  if (ms < 1000) return t('sources.duration.instant');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('sources.duration.seconds', { s: seconds });
  if (seconds < 3600) return t('sources.duration.minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
  return t('sources.duration.hours', {
    h: Math.floor(seconds / 3600),
    m: Math.floor((seconds % 3600) / 60),
  });
}
