/**
 * Deterministic record ids of the Outlook features: name-based UUIDs (v5) of the tenant and what
 * identifies the item, so a retried or doubled request meets the record the first one wrote.
 */
import { createHash } from 'node:crypto';
import { messageKeyText, type MessageKey } from '../../../shared/domain/tracked-email';

/** Namespace of the names below (a random UUID fixed once; changing it would orphan every link). */
const OUTLOOK_NAMESPACE = '0b7f8f0e-4c1d-4a5e-9d6b-2f3c8a1e5d47';

export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the tracking a message gets when first tracked under this key. */
export function trackedEmailId(tenantId: string, key: MessageKey): string {
  return nameBasedUuid(OUTLOOK_NAMESPACE, `${tenantId}\ntracked-email\n${messageKeyText(key)}`);
}

/** The id of the meeting activity an appointment is linked as; keys are compared as given (item ids are case-sensitive). */
export function meetingActivityId(tenantId: string, key: string): string {
  return nameBasedUuid(OUTLOOK_NAMESPACE, `${tenantId}\nmeeting\n${key.trim()}`);
}
