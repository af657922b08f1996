/**
 * Saves text as a file through the browser's download path (Blob + a[download]), which
 * works the same in a browser tab and in the desktop window (Electron routes it to its
 * download handler). A UTF-8 BOM is prepended so Excel opens Chinese text correctly.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  save(filename, new Blob([body], { type }));
}

function save(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves bytes sent as base64 (a DOCX) through the same download path. */
export function downloadBytes(filename: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  save(filename, new Blob([bytes], { type }));
}
