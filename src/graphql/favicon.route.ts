import type { FastifyInstance } from 'fastify';

/**
 * A 16×16 icon (a grey carved stone with a vermilion seal), drawn here as a 32-bit BMP inside an ICO, so that
 * browsers asking for /favicon.ico get an icon instead of a 404 in every log.
 */
export function faviconIco(): Buffer {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const row = size - 1 - y; // BMP rows run bottom-up
      const i = (row * size + x) * 4;
      const edge = x === 0 || y === 0 || x === size - 1 || y === size - 1;
      const seal = x >= 9 && x <= 13 && y >= 9 && y <= 13;
      const [r, g, b] = seal ? [200, 40, 30] : edge ? [90, 90, 90] : [160, 158, 150];
      pixels.writeUInt8(b, i);
      pixels.writeUInt8(g, i + 1);
      pixels.writeUInt8(r, i + 2);
      pixels.writeUInt8(255, i + 3);
    }
  }
  const mask = Buffer.alloc(size * 4); // 1-bit AND mask, rows padded to 32 bits: all opaque
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0); // header size
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour + mask heights
  info.writeUInt16LE(1, 12); // planes
  info.writeUInt16LE(32, 14); // bits per pixel
  info.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([info, pixels, mask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18); // offset of the image
  return Buffer.concat([header, image]);
}

export function registerFavicon(fastify: FastifyInstance): void {
  const icon = faviconIco();
  fastify.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=604800').send(icon),
  );
}
