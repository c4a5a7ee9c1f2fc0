/** Lead rules: statuses, the inbox order, and what a conversion creates from a lead. */
import { AppError } from '../../shared/domain/errors';
import { leadSortKey, leadStatusIssues, requireNotConverted, type LeadRecord } from '../../shared/domain/lead';
import { conversionId } from '../../functions/usecases/leads/conversion-ids';
import { planConversion } from '../../functions/usecases/leads/conversion-plan';
import { LeadConvert } from '../../shared/contracts/leads.contract';

const lead: LeadRecord = {
  id: '0b6c1a52-7f0e-4c4e-9a57-2f1d3c8e9b10',
  tenantId: 't',
  createdAt: '2026-10-01T09:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-10-01T09:00:00.000Z',
  updatedBy: 'u',
  deletedAt: null,
  firstName: 'Maya',
  lastName: 'Lindqvist',
  company: 'Brightpath Labs',
  jobTitle: 'COO',
  emails: [{ address: 'maya@brightpath.example', label: 'work' }, { address: 'maya@gmail.com', label: 'personal' }],
  phones: [{ number: '+46 8 123 456', label: 'work' }],
  source: 'event',
  productLine: 'Analytics Suite',
  estimatedAmount: 25000,
  currency: 'EUR',
  country: 'Sweden',
  status: 'qualified',
  ownerId: 'rep1',
};

const ids = { account: conversionId(lead.id, 'account'), contact: conversionId(lead.id, 'contact'), ownerId: 'rep1' };

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
}

describe('lead statuses', () => {
  it('needs a reason to disqualify, and only then', () => {
    expect(leadStatusIssues({ status: 'disqualified' })).toEqual([{ field: 'disqualifiedReason', message: 'is required when a lead is disqualified' }]);
    expect(leadStatusIssues({ status: 'disqualified', disqualifiedReason: 'No budget' })).toEqual([]);
    expect(leadStatusIssues({ status: 'working', disqualifiedReason: 'No budget' })).toHaveLength(1);
  });

  it('refuses to touch a converted lead, naming what it became', () => {
    const converted = { status: 'converted' as const, conversion: { accountId: 'a1', contactId: 'c1', opportunityId: 'o1', convertedAt: '', convertedBy: '' } };
    expect(() => requireNotConverted(converted)).toThrow(/account a1, contact c1, opportunity o1/);
    expect(() => requireNotConverted({ status: 'working' })).not.toThrow();
  });

  it('lists the newest lead first', () => {
    const older = leadSortKey({ id: 'b', createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = leadSortKey({ id: 'a', createdAt: '2026-06-01T00:00:00.000Z' });
    expect([older, newer].sort()).toEqual([newer, older]);
  });
});

describe('conversion ids', () => {
  it('derives the same valid UUID for the same lead and role, and another for another', () => {
    const id = conversionId(lead.id, 'contact');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conversionId(lead.id, 'contact')).toBe(id);
    expect(conversionId(lead.id, 'account')).not.toBe(id);
    expect(conversionId('1b6c1a52-7f0e-4c4e-9a57-2f1d3c8e9b10', 'contact')).not.toBe(id);
  });
});

describe('what a conversion creates', () => {
  it('fills new records from the lead: company and business domain, person, deal amount and source', () => {
    const body = LeadConvert.parse({ account: { create: {} }, contact: { create: { jobTitle: 'Chief Operating Officer' } }, opportunity: { create: { expectedCloseDate: '2027-03-31' } } });
    const plan = planConversion(lead, body, ids);
    expect(plan.account).toEqual({ create: expect.objectContaining({ name: 'Brightpath Labs', type: 'prospect', emailDomains: ['brightpath.example'], ownerId: 'rep1' }) });
    expect(plan.contact).toEqual({
      create: expect.objectContaining({ firstName: 'Maya', lastName: 'Lindqvist', jobTitle: 'Chief Operating Officer', accountId: ids.account, emails: lead.emails }),
    });
    expect(plan.opportunity).toMatchObject({ name: 'Brightpath Labs – Analytics Suite', amount: 25000, currency: 'EUR', leadSource: 'event', accountId: ids.account, contactId: ids.contact });
  });

  it('links to chosen records instead', () => {
    const accountId = '5d0f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
    const plan = planConversion(lead, LeadConvert.parse({ account: { existingId: accountId }, contact: { create: {} } }), ids);
    expect(plan.account).toEqual({ existingId: accountId });
    expect(plan.contact).toEqual({ create: expect.objectContaining({ accountId }) });
    expect(plan.opportunity).toBeUndefined();
  });

  it('names what is missing as the body would give it', () => {
    const noCompany = { ...lead, company: undefined };
    const body = LeadConvert.parse({ account: { create: {} }, contact: { create: {} }, opportunity: { create: {} } });
    expect(fieldsOf(() => planConversion(noCompany, body, ids))).toEqual(['account.create.name']);
    expect(fieldsOf(() => planConversion(lead, body, ids))).toEqual(['opportunity.create.expectedCloseDate']);
  });

  it('asks for either an existing record or a new one', () => {
    const both = LeadConvert.safeParse({ account: { existingId: ids.account, create: {} }, contact: { create: {} } });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['account']);
  });
});
