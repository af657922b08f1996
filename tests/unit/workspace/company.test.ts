import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanySettings } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import type { AppError, Result } from '@shared/result';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import { logoPicture } from '@backend/workspace/logo';

/**
 * The workspace's company name and logo (for the quarterly deck), through the registry as
 * the app calls it: what is kept, what is refused and how the refusal reads, and that it
 * stays in the workspace file.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/logos', name));
const PNG = fixture('acme.png');
const JPEG = fixture('tall.jpg');
const SVG = fixture('acme.svg');
const b64 = (bytes: Buffer) => bytes.toString('base64');

const opened: { ws: Workspace; dir?: string }[] = [];
afterEach(async () => {
  for (const { ws, dir } of opened.splice(0)) {
    await ws.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

async function workspace(file = ':memory:') {
  const ws = await openWorkspace(file, { create: true });
  opened.push({ ws });
  const registry = createBackend(ws);
  const call = (channel: string, input: unknown) =>
    registry.dispatch(channel, input, 'app') as Promise<Result<CompanySettings>>;
  const ok = async (channel: string, input: unknown) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const refused = async (input: unknown): Promise<AppError> => {
    const r = await call('company.set', input);
    if (r.ok) throw new Error('company.set was accepted');
    return r.error;
  };
  return { ws, ok, refused };
}

const setLogo = (fileName: string, bytes: Buffer) => ({ logo: { fileName, base64: b64(bytes) } });

describe('the company setting', () => {
  it('is empty until set', async () => {
    const { ok } = await workspace();
    expect(await ok('company.get', {})).toEqual({ name: null, logo: null });
  });

  it('keeps a trimmed name, and a blank one clears it', async () => {
    const { ok } = await workspace();
    expect((await ok('company.set', { name: '  华东精密机械有限公司 ' })).name).toBe('华东精密机械有限公司');
    expect((await ok('company.get', {})).name).toBe('华东精密机械有限公司');
    expect((await ok('company.set', { name: '   ' })).name).toBeNull();
    await ok('company.set', { name: 'Acme' });
    expect((await ok('company.set', { name: null })).name).toBeNull();
  });

  it('refuses a name on two lines, and one past 120 characters', async () => {
    const { refused } = await workspace();
    const twoLines = await refused({ name: 'Acme\nChina' });
    expect(twoLines.code).toBe('invalid_input');
    expect(twoLines.message).toBe(
      'The company name must be one line of text, without line breaks or control characters.',
    );
    expect((await refused({ name: 'x'.repeat(121) })).code).toBe('invalid_input');
  });

  it.each([
    ['acme.png', PNG, 'image/png', 600, 200],
    ['tall.jpg', JPEG, 'image/jpeg', 160, 200],
    ['acme.svg', SVG, 'image/svg+xml', 300, 100],
  ] as const)(
    'keeps a %s logo with its type and size in pixels',
    async (name, bytes, type, width, height) => {
      const { ok } = await workspace();
      const saved = await ok('company.set', setLogo(`C:\\Users\\li\\Pictures\\${name}`, bytes));
      expect(saved.logo).toEqual({
        fileName: name,
        type,
        base64: b64(bytes),
        bytes: bytes.length,
        width,
        height,
      });
      expect((await ok('company.get', {})).logo).toEqual(saved.logo);
    },
  );

  it('tells the type by the first bytes, not the name', async () => {
    const { ok, refused } = await workspace();
    expect((await ok('company.set', setLogo('logo.gif', PNG))).logo?.type).toBe('image/png');
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40, 1)]);
    const error = await refused(setLogo('logo.png', gif));
    expect(error.message).toBe(
      'logo.png is not a PNG, JPEG or SVG image (its first bytes: 47 49 46 38 39 61 01 01). Save the logo in one of those formats and choose it again.',
    );
    // What editors write before the root (a declaration, long comments, a DOCTYPE) is no matter.
    const prolog = `<?xml version="1.0"?>\n<!-- ${'Generator: a drawing program. '.repeat(400)} -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n`;
    const commented = Buffer.concat([Buffer.from(prolog), SVG.subarray(SVG.indexOf('<svg'))]);
    expect((await ok('company.set', setLogo('logo.svg', commented))).logo).toMatchObject({
      type: 'image/svg+xml',
      width: 300,
      height: 100,
    });
    const html = Buffer.from('<!DOCTYPE html><html><body><svg></svg></body></html>');
    expect((await refused(setLogo('logo.svg', html))).message).toMatch(
      /^logo\.svg is not a PNG, JPEG or SVG image/,
    );
  });

  it('refuses a logo over 1 MB, an empty file, and one that is not base64, naming the file', async () => {
    const { refused } = await workspace();
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 - PNG.length + 110_000)]);
    const tooLarge = await refused(setLogo('huge.png', big));
    expect(tooLarge.code).toBe('invalid_input');
    expect(tooLarge.message).toBe(
      'huge.png is 1.1 MB; a logo can be at most 1 MB. Save a smaller copy (about 1000 pixels across is plenty) and choose it again.',
    );
    expect(formatMessage(tooLarge.say, 'zh-CN')).toBe(
      'huge.png 大小为 1.1 MB，标志最大 1 MB。请另存一份更小的图片（宽约 1000 像素即可）后重新选择。',
    );
    // Exactly 1 MB is still a logo.
    const { ok } = await workspace();
    const limit = Buffer.concat([
      PNG.subarray(0, PNG.length - 12),
      Buffer.alloc(1024 * 1024 - PNG.length),
      PNG.subarray(-12),
    ]);
    expect((await ok('company.set', setLogo('limit.png', limit))).logo?.bytes).toBe(1024 * 1024);
    expect((await refused(setLogo('empty.png', Buffer.alloc(0)))).message).toBe(
      'empty.png is empty (0 bytes). Choose the logo image itself: PNG, JPEG or SVG.',
    );
    expect((await refused({ logo: { fileName: 'logo.png', base64: 'not base64!' } })).message).toBe(
      'logo.png: the logo did not arrive as base64 data; nothing was saved.',
    );
  });

  it('refuses a file whose first bytes say PNG, JPEG or SVG but that cannot be read, saying why in both languages', async () => {
    const { refused } = await workspace();
    const cut = await refused(setLogo('cut.png', PNG.subarray(0, 200)));
    expect(cut.message).toBe(
      'cut.png cannot be read as PNG: the file is cut short. Export it again from the program that made it.',
    );
    expect(formatMessage(cut.say, 'zh-CN')).toBe(
      'cut.png 无法按 PNG 图片读取：文件不完整。请用制作它的软件重新导出。',
    );
    expect((await refused(setLogo('cut.jpg', JPEG.subarray(0, 300)))).message).toMatch(
      /^cut\.jpg cannot be read as JPEG: the file is cut short\./,
    );
    const broken = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>');
    expect((await refused(setLogo('broken.svg', broken))).message).toMatch(
      /^broken\.svg cannot be read as SVG: its XML is not valid SVG \(expected 'rect' tag, not 'svg'/,
    );
  });

  it('changes nothing when the logo is refused, keeps the name when the logo is removed', async () => {
    const { ok, refused } = await workspace();
    await ok('company.set', { name: 'Acme', ...setLogo('acme.png', PNG) });
    await refused({ name: 'Other', ...setLogo('logo.txt', Buffer.from('hello')) });
    const kept = await ok('company.get', {});
    expect(kept.name).toBe('Acme');
    expect(kept.logo?.fileName).toBe('acme.png');
    expect(await ok('company.set', { logo: null })).toEqual({ name: 'Acme', logo: null });
  });

  it('is kept in the workspace file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-company-'));
    const file = join(dir, 'workspace.db');
    const first = await workspace(file);
    await first.ok('company.set', { name: 'Acme', ...setLogo('acme.svg', SVG) });
    await opened.pop()!.ws.close();
    const again = await workspace(file);
    opened.at(-1)!.dir = dir;
    const read = await again.ok('company.get', {});
    expect(read.name).toBe('Acme');
    expect(Buffer.from(read.logo!.base64, 'base64').equals(SVG)).toBe(true);
  });

  it('gives the deck a bitmap: PNG and JPEG as they are, an SVG drawn to PNG in its proportions', async () => {
    const { ok } = await workspace();
    const png = (await ok('company.set', setLogo('acme.png', PNG))).logo!;
    expect(logoPicture(png)).toEqual({ type: 'image/png', base64: png.base64 });
    const svg = (await ok('company.set', setLogo('acme.svg', SVG))).logo!;
    const drawn = Buffer.from(logoPicture(svg, 900).base64, 'base64');
    expect(drawn.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([drawn.readUInt32BE(16), drawn.readUInt32BE(20)]).toEqual([900, 300]);
  });
});
