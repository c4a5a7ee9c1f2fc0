/**
 * Competitor profiles in Cosmos, and the reservations that keep a name unique per tenant: one
 * small document per (tenant, folded name) naming the profile that holds it, created before the
 * profile is written and removed after the profile gives the name up. Cosmos has no unique
 * constraint that would also free the name of a deleted profile (and the local server has none).
 * The reservations live in the keys container, not beside the profiles: a RecordStore container
 * holds one kind of record, since the store reads by id and walks changes without an entity filter.
 */
import { createHash } from 'node:crypto';
import type { Container, ItemDefinition } from '@azure/cosmos';
import {
  competitorNameKey,
  competitorSearchText,
  competitorSortKey,
  type CompetitorFilter,
  type CompetitorRecord,
  type CompetitorRepository,
} from '../../../shared/domain/competitor';
import { AppError } from '../../../shared/domain/errors';
import { isLive, type Page, type PageRequest, type Versioned } from '../../../shared/domain/record';
import { partitionKeyOf } from './containers';
import { statusCodeOf, toAppError } from './cosmos-errors';
import { keywordClauses } from './keyword-clauses';
import { RecordStore, type QueryClause } from './record-store';

interface NameClaim extends ItemDefinition {
  id: string;
  tenantId: string;
  kind: 'competitor-name';
  nameKey: string;
  competitorId: string;
  claimedAt: string;
}

/** A reservation whose profile was never written is taken over after this long (the writer died). */
const ABANDONED_AFTER_MS = 60_000;

export class CosmosCompetitorRepository implements CompetitorRepository {
  private readonly store: RecordStore<CompetitorRecord>;

  constructor(
    container: Container,
    private readonly keys: Container,
  ) {
    this.store = new RecordStore<CompetitorRecord>(container, 'competitor', (record) => ({
      sortKey: competitorSortKey(record),
      searchText: competitorSearchText(record),
    }));
  }

  get(tenantId: string, id: string) {
    return this.store.get(tenantId, id);
  }

  getMany(tenantId: string, ids: string[]) {
    return this.store.getMany(tenantId, ids);
  }

  create(record: CompetitorRecord) {
    return this.store.create(record);
  }

  replace(record: CompetitorRecord, etag: string) {
    return this.store.replace(record, etag);
  }

  list(tenantId: string, filter: CompetitorFilter, page: PageRequest): Promise<Page<Versioned<CompetitorRecord>>> {
    const clauses: QueryClause[] = keywordClauses(filter.keywords);
    if (filter.threatLevel) clauses.push({ sql: 'c.threatLevel = @threatLevel', parameters: [{ name: '@threatLevel', value: filter.threatLevel }] });
    return this.store.page(tenantId, clauses, filter, page);
  }

  async claimName(tenantId: string, name: string, competitorId: string, now: Date): Promise<void> {
    const wanted: NameClaim = { id: claimId(tenantId, name), tenantId, kind: 'competitor-name', nameKey: competitorNameKey(name), competitorId, claimedAt: now.toISOString() };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.readClaim(tenantId, wanted.id);
      if (current?.competitorId === competitorId) return;
      if (current) await this.assertAbandoned(current, name, now);
      try {
        if (current) await this.keys.item(wanted.id, partitionKeyOf(tenantId)).replace(wanted, { accessCondition: { type: 'IfMatch', condition: String(current._etag) } });
        else await this.keys.items.create(wanted);
        return;
      } catch (error) {
        // Someone claimed or took over the name meanwhile: look again at who holds it.
        if (statusCodeOf(error) !== 409 && statusCodeOf(error) !== 412) throw toAppError(error, 'reserving a competitor name');
      }
    }
    throw nameTaken(name, 'is being given to another competitor; try again');
  }

  async releaseName(tenantId: string, name: string, competitorId: string): Promise<void> {
    const id = claimId(tenantId, name);
    const current = await this.readClaim(tenantId, id);
    if (current?.competitorId !== competitorId) return;
    try {
      await this.keys.item(id, partitionKeyOf(tenantId)).delete({ accessCondition: { type: 'IfMatch', condition: String(current._etag) } });
    } catch (error) {
      // Taken over or already gone: either way it is no longer this profile's.
      if (statusCodeOf(error) !== 404 && statusCodeOf(error) !== 412) throw toAppError(error, 'freeing a competitor name');
    }
  }

  /** A live profile with the name holds it; so does a claim still young enough that its profile may be on its way. */
  private async assertAbandoned(claim: NameClaim, name: string, now: Date): Promise<void> {
    const holder = await this.get(claim.tenantId, claim.competitorId);
    if (holder && isLive(holder) && competitorNameKey(holder.name) === claim.nameKey) throw nameTaken(name, `is used by ${holder.name} (${holder.id})`);
    if (!holder && now.getTime() - Date.parse(claim.claimedAt) < ABANDONED_AFTER_MS) throw nameTaken(name, 'is being given to another competitor; try again');
  }

  private async readClaim(tenantId: string, id: string): Promise<NameClaim | undefined> {
    try {
      const { resource } = await this.keys.item(id, partitionKeyOf(tenantId)).read<NameClaim>();
      return resource?.tenantId === tenantId ? resource : undefined;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw toAppError(error, 'reading a competitor name reservation');
    }
  }
}

/** Names may hold characters Cosmos ids cannot ('/', '#'), so the id carries a hash of the folded name. */
function claimId(tenantId: string, name: string): string {
  return `competitor-name.${tenantId}.${createHash('sha256').update(competitorNameKey(name)).digest('base64url')}`;
}

function nameTaken(name: string, why: string): AppError {
  return new AppError('CONFLICT', `The competitor name ${name} ${why}.`, { issues: [{ field: 'name', message: why }] });
}
