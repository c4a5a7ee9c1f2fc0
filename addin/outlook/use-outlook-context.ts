/**
 * The one request behind the read and meeting screens: every participant of the item matched to
 * the CRM, with cards, open deals, upcoming activities, history and the tracked state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutlookContext } from '../api/crm-api';
import type { MailItem, ParticipantRole, Person } from '../office/mail-item';
import { usePane } from './pane-services';

export interface ItemParticipant extends Person {
  role: ParticipantRole;
}

/** Everyone on the item but the mailbox owner, each address once (its first role wins). */
export function participantsOf(item: MailItem, owner: Person | null): ItemParticipant[] {
  const listed: ItemParticipant[] =
    item.kind === 'appointment'
      ? [...(item.organizer ? [{ ...item.organizer, role: 'organizer' as const }] : []), ...item.attendees.map((p) => ({ ...p, role: 'attendee' as const }))]
      : [...('from' in item && item.from ? [{ ...item.from, role: 'from' as const }] : []), ...item.to.map((p) => ({ ...p, role: 'to' as const })), ...item.cc.map((p) => ({ ...p, role: 'cc' as const }))];
  const seen = new Set<string>(owner ? [owner.email.toLowerCase()] : []);
  return listed.filter((p) => {
    const email = p.email.toLowerCase();
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

export interface ContextState {
  data: OutlookContext | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useOutlookContext(item: MailItem, trackingId?: string): ContextState {
  const { api, host } = usePane();
  // Data is kept per item: a reload keeps showing it, another item never shows the previous one's people.
  const [state, setState] = useState<{ key: string; data: OutlookContext | null; error: unknown; loading: boolean }>({ key: '', data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const itemKey = item.kind === 'appointment' ? item.key : item.kind === 'message-read' ? item.itemId : 'compose';
  const itemRef = useRef(item);
  itemRef.current = item;

  useEffect(() => {
    const current = itemRef.current;
    const participants = participantsOf(current, host.owner());
    const controller = new AbortController();
    setState((previous) => ({ key: itemKey, data: previous.key === itemKey ? previous.data : null, error: null, loading: true }));
    const request = {
      participants: participants.slice(0, 100).map((p) => ({ email: p.email, role: p.role, ...(p.name ? { name: p.name } : {}) })),
      ...(current.kind === 'message-read'
        ? { item: { kind: 'message' as const, ...(current.internetMessageId ? { internetMessageId: current.internetMessageId } : {}), ...(trackingId ? { trackingId } : {}) } }
        : current.kind === 'appointment' && current.key
          ? { item: { kind: 'appointment' as const, key: current.key } }
          : {}),
    };
    if (request.participants.length === 0) {
      setState({ key: itemKey, data: { participants: [], contacts: [], accounts: [], tracked: null, meeting: null }, error: null, loading: false });
      return () => controller.abort();
    }
    api
      .outlookContext(request, controller.signal)
      .then((data) => setState({ key: itemKey, data, error: null, loading: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error, loading: false }));
      });
    return () => controller.abort();
  }, [api, host, itemKey, trackingId, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = state.key === itemKey ? state : { data: null, error: null, loading: true };
  return { data: current.data, error: current.error, loading: current.loading, reload };
}
