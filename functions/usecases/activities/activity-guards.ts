/** Checks every activity write shares: sound timing, and live records of the caller's tenant. */
import { can, type Entity } from '../../../shared/domain/access-policy';
import type { Attendee } from '../../../shared/domain/activity';
import { timingIssues, type ActivityTiming } from '../../../shared/domain/activity-schedule';
import { AppError, type FieldIssue } from '../../../shared/domain/errors';
import type { RecordRef } from '../../../shared/domain/history';
import type { Principal } from '../../../shared/domain/principal';
import { isLive } from '../../../shared/domain/record';
import type { UseCaseDeps } from '../usecase-context';

const ENTITY: Record<RecordRef['entity'], Entity> = { account: 'account', contact: 'contact', opportunity: 'opportunity' };

export function assertSoundTiming(timing: ActivityTiming): void {
  const issues = timingIssues(timing);
  if (issues.length) {
    const fields = [...new Set(issues.map((issue) => issue.field))].join(', ');
    throw new AppError('VALIDATION', `Check ${fields}: ${issues[0]?.message ?? 'invalid'}.`, { issues });
  }
}

async function isLiveRecord(deps: UseCaseDeps, tenantId: string, ref: RecordRef): Promise<boolean> {
  const stores = { account: deps.stores.accounts, contact: deps.stores.contacts, opportunity: deps.stores.opportunities };
  const record = await stores[ref.entity].get(tenantId, ref.id);
  return record !== null && isLive(record);
}

/**
 * What an activity regards and the contacts who attend must be live records of the caller's
 * tenant that the caller may read; another tenant's id is answered like an unknown one.
 */
export async function requireConcernedRecords(
  deps: UseCaseDeps,
  principal: Principal,
  input: { regarding?: RecordRef[]; attendees?: Attendee[] },
): Promise<void> {
  const regarding = input.regarding ?? [];
  const attendees = (input.attendees ?? []).map((attendee, index) => ({ contactId: attendee.contactId, index }));
  const checks = [
    ...regarding.map(async (ref, index): Promise<FieldIssue | null> =>
      can(principal, 'read', ENTITY[ref.entity]) && (await isLiveRecord(deps, principal.tenantId, ref))
        ? null
        : { field: `regarding.${index}.id`, message: `no ${ref.entity} with this id` }),
    ...attendees.map(async ({ contactId, index }): Promise<FieldIssue | null> =>
      contactId === undefined || (await isLiveRecord(deps, principal.tenantId, { entity: 'contact', id: contactId }))
        ? null
        : { field: `attendees.${index}.contactId`, message: 'no contact with this id' }),
  ];
  const issues = (await Promise.all(checks)).filter((issue): issue is FieldIssue => issue !== null);
  if (issues.length) throw new AppError('VALIDATION', 'An activity must regard, and be attended by, records that exist.', { issues });
}
