import { useEffect, useState } from 'react';
import type { SalesStage } from '../api/crm-api';
import { usePane } from './pane-services';

let cached: Promise<SalesStage[]> | null = null;

/** The tenant's stage list, read once per pane (names for ids, choices for "move stage"). */
export function useSalesStages(): SalesStage[] {
  const { api } = usePane();
  const [stages, setStages] = useState<SalesStage[]>([]);
  useEffect(() => {
    let live = true;
    cached ??= api.salesStages().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    cached.then((list) => live && setStages(list)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return stages;
}
