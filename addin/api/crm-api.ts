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
import type { ApiResult, HttpClient, RequestOptions } from './http-client';

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

/**
 * Creates take the caller's idempotency key: a form keeps one per submission so that a retried
 * create is done once (see `newSubmissionKey`).
 */
export class CrmApi {
  constructor(private readonly http: HttpClient) {}

  /** For the calls whose ETag and status the pane has no use for. */
  private body<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
    return this.http.request<T>(method, path, options).then((r) => r.body);
  }

  outlookContext(request: ContextRequest, signal?: AbortSignal): Promise<OutlookContext> {
    return this.body<OutlookContext>('POST', 'outlook/context', { body: request, ...(signal ? { signal } : {}) });
  }

  trackEmail(request: TrackInput): Promise<ApiResult<TrackedEmail>> {
    return this.http.request<TrackedEmail>('POST', 'emails/track', { body: request });
  }

  linkMeeting(request: MeetingInput): Promise<LinkedMeeting> {
    return this.body<LinkedMeeting>('POST', 'outlook/meetings', { body: request });
  }

  completeActivity(id: string, etag: string, result: string): Promise<ApiResult<Activity>> {
    return this.http.request<Activity>('POST', `activities/${encodeURIComponent(id)}/complete`, { body: { result }, ifMatch: etag });
  }

  createContact(input: ContactInput, idempotencyKey: string): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('POST', 'contacts', { body: input, idempotencyKey });
  }

  getContact(id: string): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('GET', `contacts/${encodeURIComponent(id)}`);
  }

  updateContact(id: string, etag: string, patch: ContactPatch): Promise<ApiResult<Contact>> {
    return this.http.request<Contact>('PATCH', `contacts/${encodeURIComponent(id)}`, { body: patch, ifMatch: etag });
  }

  createActivity(input: ActivityInput, idempotencyKey: string): Promise<ApiResult<Activity>> {
    return this.http.request<Activity>('POST', 'activities', { body: input, idempotencyKey });
  }

  addNote(input: NoteInput, idempotencyKey: string): Promise<ApiResult<HistoryEntry>> {
    return this.http.request<HistoryEntry>('POST', 'notes', { body: input, idempotencyKey });
  }

  createOpportunity(input: OpportunityInput, idempotencyKey: string): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('POST', 'opportunities', { body: input, idempotencyKey });
  }

  getOpportunity(id: string): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('GET', `opportunities/${encodeURIComponent(id)}`);
  }

  moveStage(id: string, etag: string, stage: string): Promise<ApiResult<Opportunity>> {
    return this.http.request<Opportunity>('POST', `opportunities/${encodeURIComponent(id)}/stage`, { body: { stage }, ifMatch: etag });
  }

  salesStages(): Promise<SalesStage[]> {
    return this.body<SalesStageSettings>('GET', 'settings/sales-stages').then((settings) => settings.stages);
  }

  listTemplates(q?: string): Promise<EmailTemplate[]> {
    return this.body<{ items: EmailTemplate[] }>('GET', 'email-templates', { query: { q, limit: 50 } }).then((page) => page.items);
  }

  renderTemplate(id: string, contactId: string, opportunityId?: string): Promise<RenderedEmail> {
    return this.body<RenderedEmail>('POST', `email-templates/${encodeURIComponent(id)}/render`, { body: { contactId, ...(opportunityId ? { opportunityId } : {}) } });
  }
}
