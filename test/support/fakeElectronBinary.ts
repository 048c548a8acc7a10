/**
 * A stand-in for the Electron executable that carries only what @electron/fuses reads: the
 * sentinel, the wire version and length, and one byte per fuse (Electron ships them as '0'/'1').
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export function writeFakeElectron(path: string, fuses = '101110000'): void {
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, fuses.length]),
      Buffer.from(fuses),
      Buffer.from('\n'),
    ]),
    { mode: 0o755 },
  );
}

/** The fuse wire as '0'/'1' characters, in @electron/fuses' FuseV1Options order. */
export function readFuseWire(path: string): string {
  const binary = readFileSync(path);
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
}
