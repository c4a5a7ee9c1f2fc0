/// <reference types="office-js" />
/** What the on-send handler needs from Office: the draft, its mark, and the event registration. */
import { readTrackWhenSent, type TrackWhenSent } from './compose';
import { fromAsync } from './office-async';
import type { Person } from './mail-item';

export interface SendEvent {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
}

export interface DraftSnapshot {
  subject: string;
  to: Person[];
  cc: Person[];
  bodyText: string;
}

function people(list: Office.EmailAddressDetails[]): Person[] {
  return list.filter((p) => p.emailAddress).map((p) => ({ email: p.emailAddress.toLowerCase(), ...(p.displayName && p.displayName !== p.emailAddress ? { name: p.displayName } : {}) }));
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
      const profile = Office.context.mailbox.userProfile;
      return { email: profile.emailAddress.toLowerCase(), name: profile.displayName };
    },
    async readDraft(): Promise<DraftSnapshot> {
      const item = Office.context.mailbox.item as Office.MessageCompose;
      const [subject, to, cc, bodyText] = await Promise.all([
        fromAsync<string>((cb) => item.subject.getAsync(cb)),
        fromAsync<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb)),
        fromAsync<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb)),
        fromAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
      ]);
      return { subject, to: people(to), cc: people(cc), bodyText: bodyText.replace(/\s+/g, ' ').trim() };
    },
  };
}
