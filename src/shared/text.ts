/**
 * Canonical files are UTF-8 (PRODUCT.md). Decoding strictly turns a file saved in another
 * encoding (GBK from a spreadsheet program on Chinese Windows, say) into a clear error
 * instead of silently importing garbled names. A BOM stays in the text; the CSV reader drops it.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
