/** The OutlookHost the pane gets when it runs in Outlook (or the local preview's stand-in). */
import type { OutlookHost } from '../outlook/outlook-host';
import { insertRendered, onRecipientsChanged, readTrackWhenSent, setSubjectIfEmpty, writeTrackWhenSent } from './compose';
import { mailboxOwner, onItemChanged, readBodyText, readMailItem, readTrackingHeader, saveItem } from './mail-item';
import { onAppearanceChanged, readAppearance } from './office-context';

export const officeOutlookHost: OutlookHost = {
  readItem: readMailItem,
  saveItem,
  onItemChanged,
  owner: mailboxOwner,
  readBodyText,
  readTrackingHeader,
  insertRendered,
  onRecipientsChanged,
  setSubjectIfEmpty,
  readTrackWhenSent,
  writeTrackWhenSent,
  appearance: readAppearance,
  onAppearanceChanged,
};
