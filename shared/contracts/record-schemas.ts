/**
 * Which contract schemas carry which entity's fields: how field-level security finds every
 * record in any response (lists, lookups, sync, exports) and every field a write sets. A new
 * record schema is registered here, by its `.meta({ id })`.
 */
export const RECORD_SCHEMA_ENTITY: Readonly<Record<string, string>> = {
  Account: 'account',
  AccountSummary: 'account',
  Contact: 'contact',
  Opportunity: 'opportunity',
  Activity: 'activity',
  Lead: 'lead',
  Product: 'product',
  PriceList: 'price-list',
  Quote: 'quote',
  Order: 'order',
  Competitor: 'competitor',
  Quota: 'quota',
  // The Outlook pane's cards and summaries carry the same fields under the same names.
  ContactCard: 'contact',
  SuggestedContact: 'contact',
  AccountPanel: 'account',
  SuggestedAccount: 'account',
  OpportunitySummary: 'opportunity',
  ActivitySummary: 'activity',
  LinkedMeeting: 'activity',
  TrackedEmail: 'email',
};

export const WRITE_SCHEMA_ENTITY: Readonly<Record<string, string>> = {
  AccountCreate: 'account',
  AccountUpdate: 'account',
  ContactCreate: 'contact',
  ContactUpdate: 'contact',
  OpportunityCreate: 'opportunity',
  OpportunityUpdate: 'opportunity',
  ActivityCreate: 'activity',
  ActivityUpdate: 'activity',
  LeadCreate: 'lead',
  LeadUpdate: 'lead',
  // The records a lead conversion creates, nested in its body.
  ConvertedAccount: 'account',
  ConvertedContact: 'contact',
  ConvertedOpportunity: 'opportunity',
  ProductCreate: 'product',
  ProductUpdate: 'product',
  PriceListCreate: 'price-list',
  PriceListUpdate: 'price-list',
  QuoteCreate: 'quote',
  QuoteUpdate: 'quote',
  CompetitorCreate: 'competitor',
  CompetitorUpdate: 'competitor',
  QuotaCreate: 'quota',
  QuotaUpdate: 'quota',
};
