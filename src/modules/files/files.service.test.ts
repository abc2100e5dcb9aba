import { describe, expect, it } from 'vitest';
import { attachmentMaxBytes, cleanFileName, downloadHeaders, verifiedMimeType } from './files.service.js';

describe('cleanFileName', () => {
  it('keeps a normal name, Cyrillic included, in NFC', () => {
    expect(cleanFileName('Отчёт за ноябрь.xlsx')).toBe('Отчёт за ноябрь.xlsx');
    expect(cleanFileName('Отче\u0308т.pdf')).toBe('Отчёт.pdf');
  });
  it('drops paths, control and reserved characters, edge dots and spaces', () => {
    expect(cleanFileName('C:\\Users\\me\\..\\secret.txt')).toBe('secret.txt');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName(' ..a\u0000b\r\nc<d>:"e|f?*.txt. ')).toBe('abcdef.txt');
    expect(cleanFileName('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName('...')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
  });
  it('cuts a long name to 200 characters and keeps the extension', () => {
    const name = cleanFileName(`${'я'.repeat(500)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('я.docx')).toBe(true);
  });
});

describe('verifiedMimeType', () => {
  const pdf = Buffer.from('%PDF-1.7 …');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  it('trusts a plausible declared type, else the extension', () => {
    expect(verifiedMimeType('text/plain; charset=utf-8', 'a.txt', Buffer.from('hi'))).toBe('text/plain');
    expect(verifiedMimeType('application/octet-stream', 'a.docx', Buffer.from('PK'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(verifiedMimeType('not a type', 'a.unknown', Buffer.from('x'))).toBe('application/octet-stream');
  });
  it('verifies what the bytes can show', () => {
    expect(verifiedMimeType('application/pdf', 'a.pdf', Buffer.from('<html>'))).toBe('application/octet-stream');
    expect(verifiedMimeType('application/octet-stream', 'scan', pdf)).toBe('application/pdf');
    expect(verifiedMimeType('image/jpeg', 'a.jpg', png)).toBe('image/png');
  });
  it('never stores a type a browser would render as a page or run', () => {
    for (const t of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/javascript'])
      expect(verifiedMimeType(t, 'x', Buffer.from('<svg/>'))).toBe('application/octet-stream');
    expect(verifiedMimeType(undefined, 'page.html', Buffer.from('<p>'))).toBe('application/octet-stream');
  });
});

describe('downloadHeaders', () => {
  it('is an attachment with an ASCII fallback and the UTF-8 name (RFC 5987), never sniffed', () => {
    const h = downloadHeaders({ fileName: 'Отчёт (итог) 2026.pdf', mimeType: 'application/pdf', sizeBytes: 10 });
    expect(h['content-disposition']).toBe(
      `attachment; filename="2026.pdf"; filename*=UTF-8''${encodeURIComponent('Отчёт')}%20%28${encodeURIComponent('итог')}%29%202026.pdf`,
    );
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(downloadHeaders({ fileName: 'Отчёт.pdf', mimeType: 'x/y', sizeBytes: 1 })['content-disposition']).toMatch(
      /^attachment; filename="file\.pdf"; /,
    );
    expect(downloadHeaders({ fileName: 'a"b\\c.txt', mimeType: 'x/y', sizeBytes: 1 })['content-disposition']).toMatch(
      /^attachment; filename="a_b_c\.txt"; filename\*=UTF-8''a%22b%5Cc\.txt$/,
    );
  });
});

describe('attachmentMaxBytes', () => {
  it('reads GROVE_ATTACHMENT_MAX_MB, 10 MB by default or when invalid', () => {
    expect(attachmentMaxBytes({})).toBe(10 * 1024 * 1024);
    expect(attachmentMaxBytes({ GROVE_ATTACHMENT_MAX_MB: '3' })).toBe(3 * 1024 * 1024);
    expect(attachmentMaxBytes({ GROVE_ATTACHMENT_MAX_MB: 'lots' })).toBe(10 * 1024 * 1024);
  });
});
