/** What may be uploaded: recognised by content (magic bytes), not by the name the browser sends. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface FileKind {
  ext: string[];
  mime: string;
  label: string;
  image: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  if (buf.length < offset + bytes.length) return false;
  return bytes.every((b, i) => buf[offset + i] === b);
}

const KINDS: { kind: FileKind; test: (head: Buffer) => boolean }[] = [
  { kind: { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', label: 'JPEG 图片', image: true }, test: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { kind: { ext: ['png'], mime: 'image/png', label: 'PNG 图片', image: true }, test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: { ext: ['webp'], mime: 'image/webp', label: 'WebP 图片', image: true }, test: (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8) },
  { kind: { ext: ['pdf'], mime: 'application/pdf', label: 'PDF 文档', image: false }, test: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { kind: { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档', image: false }, test: (h) => startsWith(h, ZIP) },
  { kind: { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格', image: false }, test: (h) => startsWith(h, ZIP) },
  { kind: { ext: ['doc'], mime: 'application/msword', label: 'Word 97-2003 文档', image: false }, test: (h) => startsWith(h, OLE) },
  { kind: { ext: ['xls'], mime: 'application/vnd.ms-excel', label: 'Excel 97-2003 表格', image: false }, test: (h) => startsWith(h, OLE) },
];

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.kind.ext);

/**
 * The file's kind when its extension is accepted AND its content matches that extension
 * (a renamed .exe or a script called photo.jpg is refused). Undefined otherwise.
 */
export function detectKind(filename: string, head: Buffer): FileKind | undefined {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const entry = KINDS.find((k) => k.kind.ext.includes(ext));
  return entry && entry.test(head) ? entry.kind : undefined;
}
