import { useEffect, useState } from 'react';

/** How long the target field waits after the last keystroke before asking for a work-back. */
export const TARGET_SETTLE_MS = 400;

export type TargetValue = number | '';

/**
 * The work-back target as typed and as asked: each keystroke would otherwise ask the backend
 * for a new work-back (typing 120000000 is nine requests, eight of them for amounts nobody
 * meant). The typed value is asked for once typing stops for TARGET_SETTLE_MS, or at once on
 * `commit` (blur, Enter). `settling` says the figures on screen are not for the typed value yet.
 */
export function useTypedTarget(): {
  typed: TargetValue;
  asked: TargetValue;
  settling: boolean;
  type: (value: TargetValue) => void;
  commit: () => void;
} {
  const [typed, setTyped] = useState<TargetValue>('');
  const [asked, setAsked] = useState<TargetValue>('');
  useEffect(() => {
    if (typed === asked) return;
    const timer = setTimeout(() => setAsked(typed), TARGET_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typed, asked]);
  return {
    typed,
    asked,
    settling: typed !== asked,
    type: setTyped,
    commit: () => setAsked(typed),
  };
}
