/**
 * The calls the panes make, typed by the API contract (`shared/contracts`). Only types are
 * imported from there: the schemas stay on the server, the bundle stays small.
 */
import type { Activity, ActivityCreate } from '../../shared/contracts/activities.contract';
import type { Contact, ContactCreate, ContactUpdate } from '../../shared/contracts/contacts.contract';
import type { EmailTemplate, RenderedEmail } from '../../shared/contracts/email-templates.contract';
import type { HistoryEntryDto, NoteCreate } from '../../shared/contracts/history.contract';
import type { Opportunity, OpportunityCreate, SalesStageSettings } from '../../shared/contracts/opportunities.contract';
import type { LinkedMeeting, MeetingLinkRequest, OutlookContext, OutlookContextRequest, TrackEmailRequest, TrackedEmail } from '../../shared/contracts/outlook.contract';
import type { z } from 'zod';
import type { ApiResult, HttpClient } from './http-client';

export type { OutlookContext, TrackedEmail, LinkedMeeting, EmailTemplate, RenderedEmail, Opportunity, Contact, Activity };
export type ContactCard = OutlookContext['contacts'][number];
export type AccountPanel = OutlookContext['accounts'][number];
export type OpportunitySummary = AccountPanel['openOpportunities'][number];
export type ParticipantContext = OutlookContext['participants'][number];
export type SalesStage = SalesStageSettings['stages'][number];
export type HistoryEntry = HistoryEntryDto;
type ActivityInput = z.input<typeof ActivityCreate>;
type ContactInput = z.input<typeof ContactCreate>;
type ContactPatch = z.input<typeof ContactUpdate>;
type NoteInput = z.input<typeof NoteCreate>;
type OpportunityInput = z.input<typeof OpportunityCreate>;
type ContextRequest = z.input<typeof OutlookContextRequest>;
type TrackInput = z.input<typeof TrackEmailRequest>;
type MeetingInput = z.input<typeof MeetingLinkRequest>;

function key(): string {
  return crypto.randomUUID();
}

export class CrmApi {
  constructor(private readonly http: HttpClient) {}

  outlookContext(request: ContextRequest, signal?: AbortSignal): Promise<OutlookContext> {
    return this.http.request<OutlookContext>('POST', 'outlook/context', { body: request, ...(signal ? { signal } : {}) }).then((r) => r.body);
  }

  trackEmail(request: TrackInput): Promise<ApiResult<TrackedEmail>> {
    return this.http.request<TrackedEmail>('POST', 'emails/track', { body: request });
  }

  trackedEmail(ids: { messageId?: string; trackingId?: string }): Promise<TrackedEmail | null> {
    return this.http
      .request<TrackedEmail>('GET', 'emails/tracked', { query: ids })
      .then((r) => r.body)
      .catch((error: unknown) => {
        if (error instanceof Error && 'kind' in error && error.kind === 'not-found') return null;
        throw error;
      });
  }

  linkMeeting(request: MeetingInput): Promise<LinkedMeeting> {
    return this.http.request<LinkedMeeting>('POST', 'outlook/meetings', { body: request }).then((r) => r.body);
  }

  completeActivity(id: string, etag: string, result: string): Promise<ApiResult<Activity>> {
    return this.http.request<Activity>('POST', `activities/${encodeURIComponent(id)}/complete`, { body: { result }, ifMatch: etag });
  }

  createContact(input: ContactInput, idempotencyKey = key()): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('POST', 'contacts', { body: input, idempotencyKey });
  }

  getContact(id: string): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('GET', `contacts/${encodeURIComponent(id)}`);
  }

  updateContact(id: string, etag: string, patch: ContactPatch): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('PATCH', `contacts/${encodeURIComponent(id)}`, { body: patch, ifMatch: etag });
  }

  createActivity(input: ActivityInput, idempotencyKey = key()): Promise<ApiResult<Activity>> {
    return this.http.request<Activity>('POST', 'activities', { body: input, idempotencyKey });
  }

  addNote(input: NoteInput, idempotencyKey = key()): Promise<ApiResult<HistoryEntry>> {
    return this.http.request<HistoryEntry>('POST', 'notes', { body: input, idempotencyKey });
  }

  createOpportunity(input: OpportunityInput, idempotencyKey = key()): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('POST', 'opportunities', { body: input, idempotencyKey });
  }

  getOpportunity(id: string): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('GET', `opportunities/${encodeURIComponent(id)}`);
  }

  moveStage(id: string, etag: string, stage: string): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('POST', `opportunities/${encodeURIComponent(id)}/stage`, { body: { stage }, ifMatch: etag });
  }

  salesStages(): Promise<SalesStage[]> {
    return this.http.request<SalesStageSettings>('GET', 'settings/sales-stages').then((r) => r.body.stages);
  }

  listTemplates(q?: string): Promise<EmailTemplate[]> {
    return this.http
      .request<{ items: EmailTemplate[] }>('GET', 'email-templates', { query: { q, limit: 50 } })
      .then((r) => r.body.items);
  }

  renderTemplate(id: string, contactId: string, opportunityId?: string): Promise<RenderedEmail> {
    return this.http
      .request<RenderedEmail>('POST', `email-templates/${encodeURIComponent(id)}/render`, { body: { contactId, ...(opportunityId ? { opportunityId } : {}) } })
      .then((r) => r.body);
  }
}
