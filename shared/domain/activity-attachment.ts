/**
 * Files attached to activities (meeting minutes, a signed quote, a forwarded e-mail). The API
 * speaks JSON only, with a 256 KiB body limit, so files travel base64-encoded and stay small;
 * larger files will go through a direct-to-blob upload (a SAS URL) when that exists.
 */
import { AppError } from './errors';

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 150 * 1024;

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** What a sales team attaches, with the bytes each format starts with (none for text). */
export const ATTACHMENT_TYPES: Record<string, { label: string; signature?: number[] }> = {
  'application/pdf': { label: 'PDF', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'image/png': { label: 'PNG image', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'image/jpeg': { label: 'JPEG image', signature: [0xff, 0xd8, 0xff] },
  'text/plain': { label: 'text' },
  [`${OOXML}.wordprocessingml.document`]: { label: 'Word document', signature: ZIP },
  [`${OOXML}.spreadsheetml.sheet`]: { label: 'Excel workbook', signature: ZIP },
  [`${OOXML}.presentationml.presentation`]: { label: 'PowerPoint presentation', signature: ZIP },
  'message/rfc822': { label: 'e-mail message' },
};

/** `Text/Plain; charset=utf-8` → `text/plain`: parameters do not change what the file is. */
export function baseContentType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

function startsWith(data: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => data[index] === byte);
}

/**
 * Refuses what must not be stored: the eleventh file (400), a type outside the list (415), more
 * than 150 KiB (413), and content that is not what its type claims (400), e.g. a script sent as an
 * image, which a client might otherwise open.
 */
export function assertAcceptableAttachment(contentType: string, data: Uint8Array, existingCount: number): void {
  if (existingCount >= MAX_ATTACHMENTS) {
    throw new AppError('VALIDATION', `An activity has at most ${MAX_ATTACHMENTS} attachments; delete one first.`, {
      issues: [{ field: 'attachments', message: `already has ${existingCount} attachments` }],
    });
  }
  const type = ATTACHMENT_TYPES[baseContentType(contentType)];
  if (!type) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Attach PDF, PNG or JPEG images, plain text, Word, Excel or PowerPoint files, or e-mail messages.', {
      issues: [{ field: 'contentType', message: `must be one of ${Object.keys(ATTACHMENT_TYPES).join(', ')}` }],
    });
  }
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024} KiB for now.`, {
      issues: [{ field: 'contentBase64', message: `decodes to ${data.length} bytes; at most ${MAX_ATTACHMENT_BYTES} are accepted` }],
    });
  }
  const looksRight = type.signature ? startsWith(data, type.signature) : !data.includes(0);
  if (!looksRight) {
    throw new AppError('VALIDATION', `The content is not a ${type.label}.`, {
      issues: [{ field: 'contentBase64', message: `is not a ${type.label}` }],
    });
  }
}

/** Blob names group a tenant's files, then an activity's, so both can be listed or purged by prefix. */
export function attachmentBlobName(tenantId: string, activityId: string, attachmentId: string): string {
  return `${tenantId}/${activityId}/${attachmentId}`;
}
