/// <reference types="office-js" />
/** What the on-send handler needs from Office: the draft, its mark, and the event registration. */
import { readTrackWhenSent, type TrackWhenSent } from './compose';
import { fromAsync } from './office-async';
import { mailboxOwner, readCompose, type Person } from './mail-item';

export interface SendEvent {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
}

export interface DraftSnapshot {
  subject: string;
  to: Person[];
  cc: Person[];
  bodyText: string;
}

export function onSendEnvironment() {
  return {
    associate(name: string, handler: (event: SendEvent) => void): void {
      Office.actions.associate(name, handler);
    },
    readTrackWhenSent(): Promise<TrackWhenSent | null> {
      return readTrackWhenSent();
    },
    owner(): Person {
      const owner = mailboxOwner();
      if (!owner) throw new Error('Outlook did not say whose mailbox this is.');
      return owner;
    },
    async readDraft(): Promise<DraftSnapshot> {
      const item = Office.context.mailbox.item as Office.MessageCompose;
      const [{ subject, to, cc }, bodyText] = await Promise.all([readCompose(item), fromAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb))]);
      return { subject, to, cc, bodyText: bodyText.replace(/\s+/g, ' ').trim() };
    },
  };
}
