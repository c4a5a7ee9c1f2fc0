import type { NoteCreate } from '../../../shared/contracts/history.contract';
import { assertCan, can, type Entity } from '../../../shared/domain/access-policy';
import { AppError } from '../../../shared/domain/errors';
import type { HistoryEntry, RecordRef, TimelineEntity } from '../../../shared/domain/history';
import { isLive, type Page, type PageRequest } from '../../../shared/domain/record';
import { canSee } from '../../../shared/domain/record-access';
import type { UseCaseCall } from '../usecase-context';

const ENTITY: Record<TimelineEntity, Entity> = { account: 'account', contact: 'contact', opportunity: 'opportunity' };

/** Whether the record is live in the caller's tenant and the caller may see it: a timeline is as private as its record. */
async function visible({ deps, principal, scope }: UseCaseCall, ref: RecordRef): Promise<boolean> {
  const stores = { account: deps.stores.accounts, contact: deps.stores.contacts, opportunity: deps.stores.opportunities };
  const record = await stores[ref.entity].get(principal.tenantId, ref.id);
  return record !== null && isLive(record) && canSee(principal, scope, ref.entity, record);
}

export async function readTimeline(call: UseCaseCall, ref: RecordRef, page: PageRequest): Promise<Page<HistoryEntry>> {
  assertCan(call.principal, 'read', ENTITY[ref.entity]);
  if (!(await visible(call, ref))) throw new AppError('NOT_FOUND', `No ${ref.entity} with this id.`);
  return call.deps.stores.history.page(call.principal.tenantId, ref, page);
}

function titleOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

export async function addNote(call: UseCaseCall, input: NoteCreate): Promise<HistoryEntry> {
  const { deps, principal } = call;
  assertCan(principal, 'create', 'note');
  const checks = await Promise.all(input.regarding.map((ref) => visible(call, ref)));
  const issues = input.regarding
    .map((ref, index) => ({ ref, index }))
    .filter(({ ref, index }) => !checks[index] || !can(principal, 'read', ENTITY[ref.entity]))
    .map(({ ref, index }) => ({ field: `regarding.${index}.id`, message: `no ${ref.entity} with this id` }));
  if (issues.length) throw new AppError('VALIDATION', 'A note must regard records that exist.', { issues });
  const now = deps.now().toISOString();
  const entry: HistoryEntry = {
    id: deps.newId(),
    tenantId: principal.tenantId,
    kind: 'note',
    occurredAt: input.occurredAt ?? now,
    actorId: principal.userId,
    title: input.title ?? titleOf(input.text),
    summary: input.text,
    regarding: input.regarding,
  };
  await deps.stores.history.append(entry);
  return entry;
}
