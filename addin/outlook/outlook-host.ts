/**
 * What the Outlook pane needs from Office, as an interface: screens get it as a prop, the
 * Office.js implementation lives in addin/office/, tests pass a fake.
 */
import type { MailItem, Person } from '../office/mail-item';
import type { TrackWhenSent } from '../office/compose';
import type { OfficeAppearance } from '../office/office-context';

export interface OutlookHost {
  readItem(): Promise<MailItem | null>;
  /** Saves the item being composed and answers its id. */
  saveItem(): Promise<string>;
  onItemChanged(listener: () => void): () => void;
  owner(): Person | null;
  readBodyText(max: number): Promise<string>;
  readTrackingHeader(): Promise<string | undefined>;
  insertRendered(rendered: { html: string; text: string }): Promise<void>;
  onRecipientsChanged(listener: () => void): () => void;
  setSubjectIfEmpty(subject: string): Promise<boolean>;
  readTrackWhenSent(): Promise<TrackWhenSent | null>;
  writeTrackWhenSent(value: TrackWhenSent | null): Promise<void>;
  appearance(): OfficeAppearance;
  onAppearanceChanged(listener: () => void): () => void;
}
