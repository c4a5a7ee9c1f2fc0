/** Which files an activity accepts, as a specification. */
import { assertAcceptableAttachment, attachmentBlobName, baseContentType, MAX_ATTACHMENT_BYTES } from '../../shared/domain/activity-attachment';
import { AppError } from '../../shared/domain/errors';

const PDF = Buffer.from('%PDF-1.7\n%minimal\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0]);

function outcome(contentType: string, data: Buffer, existing = 0): string {
  try {
    assertAcceptableAttachment(contentType, data, existing);
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.issues.map((issue) => issue.field).join(',')}`;
    throw error;
  }
}

describe('attachments', () => {
  it('accepts PDFs, images, text, Office documents and e-mail messages whose content matches the type', () => {
    expect(outcome('application/pdf', PDF)).toBe('accepted');
    expect(outcome('image/png', PNG)).toBe('accepted');
    expect(outcome('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('accepted');
    expect(outcome('Text/Plain; charset=utf-8', Buffer.from('Minutes: budget agreed.'))).toBe('accepted');
    expect(outcome('application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX)).toBe('accepted');
    expect(outcome('message/rfc822', Buffer.from('From: a@b.example\r\nSubject: Quote\r\n\r\nHello'))).toBe('accepted');
  });

  it('refuses other types with 415 naming contentType', () => {
    expect(outcome('text/html', Buffer.from('<script>alert(1)</script>'))).toBe('UNSUPPORTED_MEDIA_TYPE contentType');
    expect(outcome('application/x-msdownload', Buffer.from('MZ'))).toBe('UNSUPPORTED_MEDIA_TYPE contentType');
  });

  it('refuses content that is not what its type claims', () => {
    expect(outcome('image/png', Buffer.from('<svg onload="alert(1)"/>'))).toBe('VALIDATION contentBase64');
    expect(outcome('text/plain', Buffer.from([0x41, 0x00, 0x42]))).toBe('VALIDATION contentBase64');
  });

  it('accepts 150 KiB and refuses a byte more with 413', () => {
    const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
    expect(outcome('application/pdf', pdfOf(MAX_ATTACHMENT_BYTES))).toBe('accepted');
    expect(outcome('application/pdf', pdfOf(MAX_ATTACHMENT_BYTES + 1))).toBe('PAYLOAD_TOO_LARGE contentBase64');
  });

  it('takes at most 10 per activity', () => {
    expect(outcome('application/pdf', PDF, 9)).toBe('accepted');
    expect(outcome('application/pdf', PDF, 10)).toBe('VALIDATION attachments');
  });

  it('stores the type without parameters and the blob under tenant, activity and attachment', () => {
    expect(baseContentType(' Text/Plain; charset=utf-8')).toBe('text/plain');
    expect(attachmentBlobName('tenant', 'activity', 'file')).toBe('tenant/activity/file');
  });
});
