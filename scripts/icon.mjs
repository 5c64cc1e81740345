// Draws the extension's icon, media/icon.png (128×128): a rounded teal square with a white pulse
// line ending in a dot — "how is the client doing". Plain Node (zlib), no image library:
//   node scripts/icon.mjs [out.png]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis

// The pulse line, in icon pixels.
const LINE = [[18, 70], [42, 70], [52, 48], [64, 92], [76, 34], [88, 70], [100, 70]];
const DOT = { x: 104, y: 70, r: 7 };
const STROKE = 5.5;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const r = 24;
  const m = 4; // margin
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

function pixel(x, y) {
  // Returns [r, g, b, a] in 0..1 for one sample.
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  // Background: teal, lighter at the top.
  const t = y / SIZE;
  let rgb = [0.05 + 0.05 * (1 - t), 0.45 + 0.15 * (1 - t), 0.55 + 0.12 * (1 - t)];
  let onLine = false;
  for (let i = 0; i + 1 < LINE.length; i++) if (distToSegment(x, y, LINE[i], LINE[i + 1]) <= STROKE / 2) onLine = true;
  if (onLine || Math.hypot(x - DOT.x, y - DOT.y) <= DOT.r) rgb = [1, 1, 1];
  return [...rgb, 1];
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = pixel(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        acc[0] += r * a;
        acc[1] += g * a;
        acc[2] += b * a;
        acc[3] += a;
      }
    }
    const n = SS * SS;
    const alpha = acc[3] / n;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = alpha ? Math.round((acc[0] / acc[3]) * 255) : 0;
    raw[o + 1] = alpha ? Math.round((acc[1] / acc[3]) * 255) : 0;
    raw[o + 2] = alpha ? Math.round((acc[2] / acc[3]) * 255) : 0;
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(process.argv[2] ?? path.join('media', 'icon.png'));
fs.writeFileSync(out, png);
process.stdout.write(`${path.relative(process.cwd(), out)}: ${png.length} bytes\n`);
