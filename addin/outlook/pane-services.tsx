/** What every screen of the Outlook pane reaches through context: the API, Office, the user. */
import { createContext, useContext, type ReactNode } from 'react';
import type { CrmApi } from '../api/crm-api';
import type { SignedInUser } from '../auth/session';
import type { OutlookHost } from './outlook-host';

export interface PaneServices {
  api: CrmApi;
  host: OutlookHost;
  user: SignedInUser;
  /** Asks the user to sign in again (after a 401); what they typed stays in the forms. */
  signIn: () => void;
}

const Context = createContext<PaneServices | null>(null);

export function PaneServicesProvider({ value, children }: { value: PaneServices; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePane(): PaneServices {
  const value = useContext(Context);
  if (!value) throw new Error('usePane outside PaneServicesProvider');
  return value;
}
