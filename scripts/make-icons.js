#!/usr/bin/env node
/*
 * Draws the add-in icons (assets/icon-16/32/64/80/128.png): three rising bars in the
 * status colours on a rounded tile. Run again after changing the design; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

const TILE = [0x21, 0x73, 0x46]; // Excel green
const BARS = [
  [0xd1, 0x34, 0x38], // missed
  [0xff, 0xb9, 0x00], // at risk
  [0xff, 0xff, 0xff], // met (white on green)
];

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const r = Math.max(2, Math.round(size * 0.18)); // corner radius
  const set = (x, y, [R, G, B], a = 255) => {
    const i = (y * size + x) * 4;
    png.data[i] = R;
    png.data[i + 1] = G;
    png.data[i + 2] = B;
    png.data[i + 3] = a;
  };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dx = Math.max(r - x - 0.5, x + 0.5 - (size - r), 0);
      const dy = Math.max(r - y - 0.5, y + 0.5 - (size - r), 0);
      set(x, y, TILE, dx * dx + dy * dy <= r * r ? 255 : 0);
    }
  const pad = Math.round(size * 0.2);
  const gap = Math.max(1, Math.round(size * 0.06));
  const barW = Math.floor((size - 2 * pad - 2 * gap) / 3);
  const base = size - pad;
  [0.35, 0.6, 0.9].forEach((h, k) => {
    const x0 = pad + k * (barW + gap);
    const top = base - Math.max(2, Math.round((size - 2 * pad) * h));
    for (let y = top; y < base; y++) for (let x = x0; x < x0 + barW; x++) set(x, y, BARS[k]);
  });
  return PNG.sync.write(png);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${s}.png`), draw(s));
console.log(`icons written to ${out}`);
