import { useState } from 'react';

/**
 * Who is at the workbench: plans are prepared, signed off and recorded at the manager's
 * own computer (a shared team workspace comes later), so the name that goes into a plan's
 * history is asked once and remembered here, per computer, not per workspace.
 */
const KEY = 'funnel.plans.signature';

function read(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    // Storage can be refused (a locked-down browser profile): the name is then asked each time.
    return '';
  }
}

export function useSignature(): [string, (name: string) => void] {
  const [name, setName] = useState(read);
  const set = (next: string) => {
    setName(next);
    try {
      if (next.trim()) window.localStorage.setItem(KEY, next.trim());
    } catch {
      // Not remembered; the typed name still applies to this decision.
    }
  };
  return [name, set];
}
