import { createHash } from 'node:crypto';

export type ConvertedRole = 'account' | 'contact' | 'opportunity';

/**
 * The id of the record a conversion creates, derived from the lead's id (a name-based UUID v5
 * with the lead's id as namespace): a retried conversion meets what an earlier attempt created
 * instead of creating it twice. Lead ids are unique across tenants, so these are too.
 */
export function conversionId(leadId: string, role: ConvertedRole): string {
  const namespace = Buffer.from(leadId.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(`lead-conversion:${role}`).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
