/**
 * Event-based activation: OnMessageSend. When the draft was marked "track when sent", the message
 * is tracked as it leaves, for the recipients the CRM knows. SoftBlock: if tracking fails, Outlook
 * tells the user why and lets them send anyway.
 */
import { CrmApi } from '../../api/crm-api';
import { HttpClient } from '../../api/http-client';
import { LocalTokenSource } from '../../auth/local-token-source';
import { NaaTokenSource } from '../../auth/naa-token-source';
import * as msal from '@azure/msal-browser';
import { readConfig } from '../../config';
import { onSendEnvironment, type SendEvent } from '../../office/on-send';

async function trackOnSend(event: SendEvent): Promise<void> {
  const env = onSendEnvironment();
  const mark = await env.readTrackWhenSent().catch(() => null);
  if (!mark) {
    event.completed({ allowEvent: true });
    return;
  }
  try {
    const config = readConfig();
    const tokens =
      config.auth.mode === 'local'
        ? new LocalTokenSource(config.auth, () => Promise.reject(new Error('Sign in from the Office CRM pane first.')))
        : new NaaTokenSource(config.auth, () => Promise.resolve(msal));
    const api = new CrmApi(new HttpClient(config.apiBaseUrl, tokens));
    const draft = await env.readDraft();
    const participants = [...draft.to.map((p) => ({ ...p, role: 'to' as const })), ...draft.cc.map((p) => ({ ...p, role: 'cc' as const }))];
    const context = participants.length ? await api.outlookContext({ participants }) : null;
    const contactIds = context ? [...new Set(context.participants.flatMap((p) => p.contactIds))].slice(0, 20) : [];
    if (contactIds.length === 0) {
      event.completed({ allowEvent: true });
      return;
    }
    const accountId = context?.contacts.find((c) => c.accountId)?.accountId ?? mark.accountId;
    const owner = env.owner();
    await api.trackEmail({
      trackingId: mark.trackingId,
      subject: draft.subject.slice(0, 400),
      from: owner,
      to: draft.to.slice(0, 100),
      cc: draft.cc.slice(0, 100),
      sentAt: new Date().toISOString(),
      bodyExcerpt: draft.bodyText.slice(0, 2000),
      contactIds,
      ...(accountId ? { accountId } : {}),
      ...(mark.opportunityId ? { opportunityId: mark.opportunityId } : {}),
    });
    event.completed({ allowEvent: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    event.completed({ allowEvent: false, errorMessage: `Office CRM could not track this message (${reason}). Try Send again, or turn off "Track when sent" in the Office CRM pane.` });
  }
}

onSendEnvironment().associate('onMessageSendHandler', (event) => void trackOnSend(event));
