/// <reference types="office-js" />
/** Writing into the message being composed: templates, and the "track when sent" mark. */
import { fromAsync } from './office-async';
import { TRACKING_HEADER, TRACKING_PROPERTY } from './mail-item';

function composeItem(): Office.MessageCompose {
  return Office.context.mailbox.item as Office.MessageCompose;
}

/**
 * Inserts a rendered template at the cursor (Outlook puts it at the start when the body has no
 * focus): its HTML in an HTML message, its plain text in a plain-text one.
 */
export async function insertRendered(rendered: { html: string; text: string }): Promise<void> {
  const body = composeItem().body;
  const type = await fromAsync<Office.CoercionType>((cb) => body.getTypeAsync(cb)).catch(() => Office.CoercionType.Html);
  const asText = type === Office.CoercionType.Text;
  await fromAsync<void>((cb) => body.setSelectedDataAsync(asText ? rendered.text : rendered.html, { coercionType: asText ? Office.CoercionType.Text : Office.CoercionType.Html }, cb));
}

/** Recipients changed while writing (Mailbox 1.7); hosts without the event keep the Refresh button. */
export function onRecipientsChanged(listener: () => void): () => void {
  const item = composeItem() as Office.MessageCompose & { addHandlerAsync?: Office.MessageCompose['addHandlerAsync'] };
  if (typeof item?.addHandlerAsync !== 'function' || !Office.EventType.RecipientsChanged) return () => undefined;
  try {
    item.addHandlerAsync(Office.EventType.RecipientsChanged, () => listener(), () => undefined);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      item.removeHandlerAsync(Office.EventType.RecipientsChanged, () => undefined);
    } catch {
      // Nothing registered.
    }
  };
}

/** Sets the subject only when the user has not typed one: a template never overwrites their words. */
export async function setSubjectIfEmpty(subject: string): Promise<boolean> {
  const item = composeItem();
  const current = await fromAsync<string>((cb) => item.subject.getAsync(cb));
  if (current.trim() !== '' || subject.trim() === '') return false;
  await fromAsync<void>((cb) => item.subject.setAsync(subject, cb));
  return true;
}

/** What the pane asks to record when the message is sent (read again by the on-send handler). */
export interface TrackWhenSent {
  trackingId: string;
  contactIds: string[];
  accountId?: string;
  opportunityId?: string;
}

export async function readTrackWhenSent(): Promise<TrackWhenSent | null> {
  const props = await fromAsync<Office.CustomProperties>((cb) => composeItem().loadCustomPropertiesAsync(cb));
  const raw: unknown = props.get(TRACKING_PROPERTY);
  if (typeof raw !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'trackingId' in parsed && 'contactIds' in parsed) return parsed as TrackWhenSent;
  } catch {
    // A property we did not write: treat as unset.
  }
  return null;
}

/** Marks (or unmarks, with null) the draft; the header lets the sent copy be found again. */
export async function writeTrackWhenSent(value: TrackWhenSent | null): Promise<void> {
  const item = composeItem();
  const props = await fromAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  if (value) props.set(TRACKING_PROPERTY, JSON.stringify(value));
  else props.remove(TRACKING_PROPERTY);
  await fromAsync<void>((cb) => props.saveAsync(cb));
  if (value) await fromAsync<void>((cb) => item.internetHeaders.setAsync({ [TRACKING_HEADER]: value.trackingId }, cb));
  else await fromAsync<void>((cb) => item.internetHeaders.removeAsync([TRACKING_HEADER], cb));
}
