import { hasLoneSurrogate } from '../text/unicode.js';
import type { EvidenceContentType } from './inspections.js';

/** How many leading bytes `detectEvidenceType` needs to see. */
export const EVIDENCE_SNIFF_BYTES = 16;

/** Brands of the ISO base media file box that mean HEIC/HEIF still images (not video). */
const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * What a file really is, from its first bytes: one of the accepted evidence types, or null. The type a
 * client declares is never trusted (a renamed executable stays an executable).
 */
export function detectEvidenceType(head: Uint8Array): EvidenceContentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (HEIF_BRANDS.includes(brand)) return 'image/heic';
  }
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export const MAX_EVIDENCE_NAME_LENGTH = 200;

/**
 * The uploaded file name as it will be shown, or why it is refused. A name is only ever displayed (the
 * bytes are stored under a key the server chooses), but a name with a path in it, control characters
 * or no end is a sign of a crafted upload, and is refused rather than quietly cut.
 */
export function checkEvidenceFileName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, reason: 'must have a file name' };
  if ([...name].length > MAX_EVIDENCE_NAME_LENGTH) {
    return { ok: false, reason: `must have a name of at most ${MAX_EVIDENCE_NAME_LENGTH} characters` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, reason: 'must not have control characters in its name' };
  if (hasLoneSurrogate(name)) {
    return { ok: false, reason: 'must have a name in valid Unicode (no lone surrogate characters)' };
  }
  if (/[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) {
    return { ok: false, reason: 'must be a plain file name, without a path (no "/", "\\" or drive letter)' };
  }
  if (/^\.+$/.test(name)) return { ok: false, reason: 'must not be named "." or ".."' };
  return { ok: true, name };
}
