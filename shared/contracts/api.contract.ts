/**
 * Every endpoint of the API, feature by feature (`<feature>.api.ts`). Adding one to a feature's
 * map is what makes it exist, served (a test checks) and documented in OpenAPI.
 */
import { accountEndpoints } from './accounts.api';
import { activityEndpoints } from './activities.api';
import { adminEndpoints } from './admin.api';
import { auditEndpoints } from './audit.api';
import { catalogEndpoints } from './catalog.api';
import { competitorEndpoints } from './competitors.api';
import { groupEndpoints } from './groups.api';
import { contactEndpoints } from './contacts.api';
import { emailTemplateEndpoints } from './email-templates.api';
import { historyEndpoints } from './history.api';
import { importEndpoints } from './imports.api';
import { leadEndpoints } from './leads.api';
import { opportunityEndpoints } from './opportunities.api';
import { outlookEndpoints } from './outlook.api';
import { platformEndpoints } from './platform.api';
import { quotaEndpoints } from './quotas.api';
import { syncEndpoints } from './sync.api';

export const api = {
  ...platformEndpoints,
  ...accountEndpoints,
  ...contactEndpoints,
  ...opportunityEndpoints,
  ...activityEndpoints,
  ...historyEndpoints,
  ...syncEndpoints,
  ...auditEndpoints,
  ...importEndpoints,
  ...adminEndpoints,
  ...catalogEndpoints,
  ...leadEndpoints,
  ...competitorEndpoints,
  ...groupEndpoints,
  ...quotaEndpoints,
  ...emailTemplateEndpoints,
  ...outlookEndpoints,
} as const;

export type Api = typeof api;
export type EndpointId = keyof Api;
