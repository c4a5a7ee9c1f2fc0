import { api } from '../../shared/contracts/api.contract';
import { bind } from './endpoint-binding';

export const platformRoutes = [
  bind(api.health, async ({ services }) => {
    const report = await services.health();
    return { body: report, status: report.status === 'ok' ? 200 : 503 };
  }),
  bind(api.openApi, async ({ services }) => ({ body: services.openApiDocument(), headers: { 'Cache-Control': 'public, max-age=300' } })),
];
