/**
 * About 150 deals across every stage for the demo tenant's accounts, with close dates over the
 * last and the next two quarters, some won and lost with their reasons. Each deal is created at
 * the first stage and moved through the stages by the same use case the add-ins call, dated in
 * the past, so stage histories and timelines look lived-in. Ids are deterministic; moves happen
 * only for a deal created by this run, so a re-run creates and moves nothing.
 */
import type { OpportunityCreate } from '../../shared/contracts/opportunities.contract';
import type { Principal } from '../../shared/domain/principal';
import { DEFAULT_SALES_STAGES } from '../../shared/domain/sales-stages';
import { createOpportunity } from '../../functions/usecases/opportunities/create-opportunity.usecase';
import { moveOpportunityStage } from '../../functions/usecases/opportunities/move-opportunity-stage.usecase';
import type { UseCaseCall } from '../../functions/usecases/usecase-context';
import { DEMO_USERS } from '../identity/demo-directory';
import { random, seedId, type SeedAccount } from './seed-data';
import { SEEDED_COMPETITOR_IDS } from './seed-competitors';
import { createOnce, DEMO_TEAMS, principalOf, type SeedContext } from './seed-support';
import { scopeOf } from '../../shared/domain/record-access';

const COUNT = 150;
const DAY = 24 * 60 * 60 * 1000;

const PRODUCTS: Array<{ label: (units: number) => string; unitPrice: number; units: number[] }> = [
  { label: (units) => `${units} licences`, unitPrice: 420, units: [25, 50, 100, 200, 500] },
  { label: () => 'Premium support renewal', unitPrice: 18000, units: [1, 2, 3] },
  { label: () => 'Implementation services', unitPrice: 1250, units: [20, 40, 80] },
  { label: (units) => `Analytics add-on, ${units} seats`, unitPrice: 150, units: [50, 100, 250] },
  { label: () => 'Data migration', unitPrice: 9500, units: [1, 2, 4] },
  { label: (units) => `Training programme, ${units} days`, unitPrice: 2200, units: [3, 5, 10] },
  { label: () => 'Enterprise agreement', unitPrice: 240000, units: [1] },
];
const LOSS_REASONS = ['Lost to a competitor on price', 'No budget this year', 'Chose to build in-house', 'Project postponed indefinitely', 'Stayed with the incumbent vendor'];
const WIN_REASONS = ['Best fit for their Outlook-based workflow', 'Strong reference from a peer customer', 'Fastest implementation plan', 'Lowest total cost over three years'];
const LEAD_SOURCES: Array<NonNullable<OpportunityCreate['leadSource']>> = ['web', 'referral', 'event', 'partner', 'campaign', 'cold-call', 'other'];
const CURRENCY_BY_COUNTRY: Record<string, string> = { Canada: 'CAD', 'United Kingdom': 'GBP', France: 'EUR', Germany: 'EUR', Netherlands: 'EUR', Sweden: 'SEK' };

const OPEN = DEFAULT_SALES_STAGES.filter((stage) => stage.kind === 'open').map((stage) => stage.id);
const WON = 'closed-won';
const LOST = 'closed-lost';

interface PlannedMove {
  stage: string;
  at: Date;
  lossReason?: string;
  winReason?: string;
  lostToCompetitorId?: string;
}

interface PlannedDeal {
  id: string;
  owner: Principal;
  createdAt: Date;
  input: OpportunityCreate;
  moves: PlannedMove[];
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function ownerOf(account: SeedAccount, fallback: Principal): Principal {
  const user = DEMO_USERS.find((candidate) => candidate.userId === account.input.ownerId);
  return user ? principalOf(user) : fallback;
}

/** The stages a deal went through, after the first: up the funnel (sometimes skipping one), then won or lost. */
function pathTo(outcome: 'open' | 'won' | 'lost', next: () => number): string[] {
  const reached = outcome === 'won' ? OPEN.length - 1 : Math.floor(next() * (outcome === 'open' ? OPEN.length : OPEN.length - 1));
  const path = OPEN.slice(1, reached + 1).filter((_stage, index, all) => index === all.length - 1 || next() > 0.15);
  if (outcome === 'won') path.push(WON);
  if (outcome === 'lost') path.push(LOST);
  return path;
}

function judgedProbability(stageId: string | undefined, next: () => number): number {
  const base = DEFAULT_SALES_STAGES.find((stage) => stage.id === stageId)?.probability ?? 10;
  return Math.min(95, Math.max(5, base + pick([-15, -10, 10, 15], next)));
}

/**
 * Every third deal met one or two competitors, chosen from the index alone: drawing from the
 * shared random sequence would change every deal planned after it.
 */
function competitorsOf(index: number): Pick<OpportunityCreate, 'competitors'> {
  if (index % 3 !== 1) return {};
  const ids = SEEDED_COMPETITOR_IDS;
  const first = ids[(index * 7) % ids.length] as string;
  if (index % 2 === 0) return { competitors: [{ competitorId: first, status: 'active' }] };
  const second = ids[(index * 7 + 1 + (index % (ids.length - 1))) % ids.length] as string;
  // Now and then the second one dropped out of the race.
  return { competitors: [{ competitorId: first, status: 'active' }, { competitorId: second, status: index % 5 === 0 ? 'withdrawn' : 'active', notes: 'Shortlisted by procurement' }] };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function planDeal(index: number, account: SeedAccount, context: SeedContext, today: number, next: () => number): PlannedDeal {
  const roll = next();
  const outcome = roll < 0.22 ? 'won' : roll < 0.4 ? 'lost' : 'open';
  const path = pathTo(outcome, next);
  const closed = outcome !== 'open';
  // Closed deals closed over the last two quarters; open ones close over the next two (a few are overdue).
  const closeDay = closed ? -Math.floor(5 + next() * 175) : Math.floor(-20 + next() * 200);
  const cycleDays = 30 + Math.floor(next() * 90);
  const lastMove = closed ? today + closeDay * DAY : today - Math.floor(1 + next() * 10) * DAY;
  const createdAt = new Date(lastMove - cycleDays * DAY);
  const step = (lastMove - createdAt.getTime()) / Math.max(1, path.length);
  const competitors = competitorsOf(index);
  const moves = path.map((stage, n): PlannedMove => ({
    stage,
    at: new Date(createdAt.getTime() + Math.round((n + 1) * step)),
    ...(stage === LOST ? { lossReason: pick(LOSS_REASONS, next) } : {}),
    // Most deals lost while a competitor was in the race were lost to it.
    ...(stage === LOST && competitors.competitors && index % 4 !== 0 ? { lostToCompetitorId: competitors.competitors[0]?.competitorId } : {}),
    ...(stage === WON ? { winReason: pick(WIN_REASONS, next) } : {}),
  }));
  const product = pick(PRODUCTS, next);
  const units = pick(product.units, next);
  const contacts = context.contacts.filter((contact) => contact.input.accountId === account.id);
  const contact = contacts.length ? contacts[index % contacts.length] : undefined;
  const input: OpportunityCreate = {
    name: `${account.input.name} — ${product.label(units)}`,
    accountId: account.id,
    ...(contact ? { contactId: contact.id } : {}),
    amount: Math.round(units * product.unitPrice * (0.85 + next() * 0.3) / 10) * 10,
    margin: 15 + ((index * 7) % 30),
    currency: CURRENCY_BY_COUNTRY[account.input.address?.country ?? ''] ?? 'USD',
    expectedCloseDate: isoDate(new Date(today + closeDay * DAY)),
    leadSource: pick(LEAD_SOURCES, next),
    ...competitors,
    // A rep's judgement now and then beats the stage's default (near the stage the deal ends at).
    ...(outcome === 'open' && index % 9 === 4 ? { probability: judgedProbability(path[path.length - 1] ?? OPEN[0], next) } : {}),
  };
  return { id: seedId(`opportunity:${index}`), owner: ownerOf(account, context.admin), createdAt, input, moves };
}

function callAt(context: SeedContext, principal: Principal, at: Date, id?: string): UseCaseCall {
  return { deps: { ...context.deps, now: () => at, ...(id ? { newId: () => id } : {}) }, principal, scope: scopeOf(principal.userId, DEMO_TEAMS) };
}

async function seedDeal(context: SeedContext, deal: PlannedDeal): Promise<void> {
  let etag: string | undefined;
  await createOnce(context.report, async () => {
    etag = (await createOpportunity(callAt(context, deal.owner, deal.createdAt, deal.id), deal.input)).etag;
  });
  if (etag === undefined) return; // seeded by an earlier run: leave it as it is
  for (const { at, ...move } of deal.moves) {
    etag = (await moveOpportunityStage(callAt(context, deal.owner, at), deal.id, move, etag)).etag;
  }
}

export async function seedOpportunities(context: SeedContext): Promise<void> {
  const next = random(20261201);
  // Relative to the day of seeding, so the demo's pipeline is always current.
  const today = Math.floor(context.deps.now().getTime() / DAY) * DAY + 9 * 3600_000;
  const accounts = context.accounts.filter((account) => account.input.type !== 'competitor');
  if (!accounts.length) return;
  for (let index = 0; index < COUNT; index += 1) {
    const deal = planDeal(index, accounts[index % accounts.length] as SeedAccount, context, today, next);
    await seedDeal(context, deal);
    context.opportunityIds.push(deal.id);
  }
}
