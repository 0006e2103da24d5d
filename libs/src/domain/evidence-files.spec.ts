import { checkEvidenceFileName, detectEvidenceType } from './evidence-files.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('detecting an evidence file by its first bytes', () => {
  it('knows JPEG, PNG, WebP, HEIC and PDF', () => {
    expect(detectEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(detectEvidenceType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectEvidenceType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('image/heic');
    expect(detectEvidenceType(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]))).toBe('image/heic');
    expect(detectEvidenceType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses other content whatever it is called', () => {
    expect(detectEvidenceType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(detectEvidenceType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(detectEvidenceType(bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull();
    expect(detectEvidenceType(bytes([0xff, 0xd8]))).toBeNull();
    expect(detectEvidenceType(new Uint8Array())).toBeNull();
  });
});

describe('evidence file names', () => {
  it('keeps a plain name, Cyrillic included, trimmed', () => {
    expect(checkEvidenceFileName('  Мектеп шатыры.jpg ')).toEqual({ ok: true, name: 'Мектеп шатыры.jpg' });
    expect(checkEvidenceFileName('roof 📷.jpg')).toEqual({ ok: true, name: 'roof 📷.jpg' });
  });

  it.each([
    ['../../etc/passwd', /path/],
    ['/etc/passwd', /path/],
    ['..\\..\\windows\\win.ini', /path/],
    ['C:evil.pdf', /path/],
    ['photo\u0000.jpg', /control/],
    ['photo\uD800.jpg', /lone surrogate/],
    ['\uDC00photo.jpg', /lone surrogate/],
    ['..', /"\."/],
    ['', /file name/],
    [`${'a'.repeat(197)}.jpg`, /at most 200/],
  ])('refuses %j', (name, reason) => {
    const result = checkEvidenceFileName(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
