import { deflateSync } from 'node:zlib';

/** CRC-32 as PNG chunks need it (the zlib one is not exported by Node before v22). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG drawn here, so demo evidence and tests need no downloaded picture: a sky-to-ground
 * gradient with a darker "roof" band whose hue comes from `seed`, so different photos look different.
 */
export function demoPhoto(seed: number, width = 160, height = 120): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  const hue = (seed * 47) % 256;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const roof = y > height * 0.3 && y < height * 0.5 && x > width * 0.2 && x < width * 0.8;
      const shade = Math.round((255 * y) / height);
      row[1 + x * 3] = roof ? (hue + 40) % 256 : 120 + (shade >> 2);
      row[2 + x * 3] = roof ? 60 : 160 - (shade >> 2);
      row[3 + x * 3] = roof ? hue : 220 - (shade >> 1);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
