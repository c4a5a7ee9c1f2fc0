/// <reference types="office-js" />
/** Writing into the message being composed: templates, and the "track when sent" mark. */
import { fromAsync } from './office-async';
import { TRACKING_HEADER, TRACKING_PROPERTY } from './mail-item';

function composeItem(): Office.MessageCompose {
  return Office.context.mailbox.item as Office.MessageCompose;
}

/** Inserts HTML at the cursor (Outlook puts it at the start when the body has no focus). */
export async function insertHtml(html: string): Promise<void> {
  await fromAsync<void>((cb) => composeItem().body.setSelectedDataAsync(html, { coercionType: Office.CoercionType.Html }, cb));
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

const PROPERTY = TRACKING_PROPERTY;

export async function readTrackWhenSent(): Promise<TrackWhenSent | null> {
  const props = await fromAsync<Office.CustomProperties>((cb) => composeItem().loadCustomPropertiesAsync(cb));
  const raw: unknown = props.get(PROPERTY);
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
  if (value) props.set(PROPERTY, JSON.stringify(value));
  else props.remove(PROPERTY);
  await fromAsync<void>((cb) => props.saveAsync(cb));
  if (value) await fromAsync<void>((cb) => item.internetHeaders.setAsync({ [TRACKING_HEADER]: value.trackingId }, cb));
  else await fromAsync<void>((cb) => item.internetHeaders.removeAsync([TRACKING_HEADER], cb));
}
