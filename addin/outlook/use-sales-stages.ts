import { useEffect, useState } from 'react';
import type { SalesStage } from '../api/crm-api';
import { usePane } from './pane-services';

/** Per tenant: signing in to another organisation in the same pane never shows the first one's stages. */
const cached = new Map<string, Promise<SalesStage[]>>();

/** The tenant's stage list, read once per pane (names for ids, choices for "move stage"). */
export function useSalesStages(): SalesStage[] {
  const { api, user } = usePane();
  const [stages, setStages] = useState<SalesStage[]>([]);
  useEffect(() => {
    let live = true;
    const tenantId = user.tenantId;
    let loading = cached.get(tenantId);
    if (!loading) {
      loading = api.salesStages().catch((error: unknown) => {
        cached.delete(tenantId);
        throw error;
      });
      cached.set(tenantId, loading);
    }
    loading.then((list) => live && setStages(list)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, user.tenantId]);
  return stages;
}
