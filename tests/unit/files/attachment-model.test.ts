import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentDataSchema, blobPathParts, formatFileSize, isSha256, MAX_ATTACHMENT_BYTES, mediaTypeFor, previewKindOf } from '../../../src-shared/files/attachment-model';

const hash = 'ab'.repeat(32);
const valid = { name: 'Certificate.pdf', mediaType: 'application/pdf', size: 1200, sha256: hash, source: 'upload' as const };

describe('attachment model', () => {
  it('places a blob under its first two hex digits, and nothing that is not a SHA-256 anywhere', () => {
    expect(blobPathParts(hash)).toEqual(['ab', 'ab'.repeat(31)]);
    for (const hostile of ['../../etc/passwd', 'AB'.repeat(32), `${hash}0`, hash.slice(1), `..${hash.slice(2)}`, `ab/${hash.slice(3)}`, '', `${hash.slice(0, 63)}\0`]) {
      expect(blobPathParts(hostile)).toBeNull();
      expect(isSha256(hostile)).toBe(false);
    }
  });

  it('never lets a path separator or a dot-dot through, whatever the string', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const parts = blobPathParts(text);
      return parts === null || parts.every((p) => /^[0-9a-f]+$/.test(p));
    }));
  });

  it('takes files up to exactly 50 MB', () => {
    expect(attachmentDataSchema.safeParse({ ...valid, size: MAX_ATTACHMENT_BYTES }).success).toBe(true);
    const over = attachmentDataSchema.safeParse({ ...valid, size: MAX_ATTACHMENT_BYTES + 1 });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('Files can be at most 50 MB.');
    expect(attachmentDataSchema.safeParse({ ...valid, size: -1 }).success).toBe(false);
    expect(attachmentDataSchema.safeParse({ ...valid, size: 1.5 }).success).toBe(false);
  });

  it('refuses names with separators or control characters, and odd types', () => {
    for (const name of ['../secret.pdf', 'a\\b.pdf', 'tab\there.pdf', 'bell\u0007.pdf', '', ' ', 'x'.repeat(256)]) {
      expect(attachmentDataSchema.safeParse({ ...valid, name }).success).toBe(false);
    }
    expect(attachmentDataSchema.safeParse({ ...valid, name: 'Kalibrierschein Waage 3 (Łódź) – 2026.pdf' }).success).toBe(true);
    expect(attachmentDataSchema.safeParse({ ...valid, mediaType: 'text/html; charset=utf-8' }).success).toBe(false);
    expect(attachmentDataSchema.safeParse({ ...valid, mediaType: 'pdf' }).success).toBe(false);
    expect(attachmentDataSchema.safeParse({ ...valid, sha256: hash.toUpperCase() }).success).toBe(false);
  });

  it('previews only images that run nothing, and PDFs', () => {
    expect(previewKindOf('image/png')).toBe('image');
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('image/svg+xml')).toBe('none');
    expect(previewKindOf('text/html')).toBe('none');
  });

  it('guesses a type from the name only when the browser gave none', () => {
    expect(mediaTypeFor('scan.PDF', '')).toBe('application/pdf');
    expect(mediaTypeFor('data.xlsx', '')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mediaTypeFor('noextension', '')).toBe('application/octet-stream');
    expect(mediaTypeFor('scan.pdf', 'image/png')).toBe('image/png');
  });

  it('says sizes in words', () => {
    expect([0, 1, 1023, 2048, 5 * 1024 * 1024].map(formatFileSize)).toEqual(['0 bytes', '1 byte', '1023 bytes', '2 KB', '5.0 MB']);
  });
});
