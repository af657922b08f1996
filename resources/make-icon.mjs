#!/usr/bin/env node
// Draws resources/icon.png (512×512): a white sales funnel — three tapering bands over a
// spout — on a rounded indigo square. Plain Node, no image library: the shapes are
// rasterised with 4×4 supersampling and written as an RGBA PNG via zlib.
// Run `node resources/make-icon.mjs` after changing it; electron-builder derives the
// platform icons (ico, icns, Linux sizes) from the PNG.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SS = 4; // samples per axis per pixel
const BG = [54, 79, 199]; // indigo
const FG = [255, 255, 255];

// Geometry in 0..512 units.
const radius = 112;
const inRoundedSquare = (x, y) => {
  const m = 16; // margin
  const lo = m + radius;
  const hi = SIZE - m - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= m && x <= SIZE - m && y >= m && y <= SIZE - m && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
// The funnel: the left/right edges taper linearly from y=120 (half-width 170) to y=330
// (half-width 40), then a straight spout down to y=410; two horizontal gaps split the
// upper part into bands (the stages).
const inFunnel = (x, y) => {
  const c = SIZE / 2;
  if (y < 120 || y > 410) return false;
  if ((y > 180 && y < 198) || (y > 252 && y < 270)) return false;
  const half = y <= 330 ? 170 - ((y - 120) / (330 - 120)) * 130 : 40;
  return Math.abs(x - c) <= half;
};

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        if (inRoundedSquare(x, y)) {
          bg++;
          if (inFunnel(x, y)) fg++;
        }
      }
    }
    const n = SS * SS;
    const alpha = bg / n;
    const mix = bg ? fg / bg : 0;
    const o = row + 1 + px * 4;
    for (let i = 0; i < 3; i++) raw[o + i] = Math.round(BG[i] * (1 - mix) + FG[i] * mix);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
