import { z } from 'zod';
import { ROLES } from '../domain/principal';
import { ACCOUNT_SIZES } from '../domain/territory';

const FieldRule = z.strictObject({
  entity: z.string().regex(/^[a-z][a-z-]{1,40}$/, { message: 'must be an entity name like opportunity' }),
  field: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,60}$/, { message: 'must be a field name like margin' }),
  role: z.enum(ROLES),
  access: z.enum(['hidden', 'read-only']),
});

export const FieldRulesUpdate = z.strictObject({ rules: z.array(FieldRule).max(500, { message: 'must have at most 500 rules' }) }).meta({ id: 'FieldRulesUpdate' });
export type FieldRulesUpdate = z.infer<typeof FieldRulesUpdate>;

export const FieldRules = z
  .object({
    rules: z.array(FieldRule),
    etag: z.string().nullable().meta({ description: 'Send in If-Match to save; null while the tenant has the default rules (send If-Match: *).' }),
  })
  .meta({ id: 'FieldRules' });

const UserId = z.string().min(1).max(100);
const TeamSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a slug like east-coast' }).max(60),
  name: z.string().trim().min(1, { message: 'is required' }).max(100),
  memberIds: z.array(UserId).max(500),
  managerIds: z.array(UserId).max(50),
  accountIds: z
    .array(z.uuid({ message: 'must be an account id' }))
    .max(200)
    .optional()
    .meta({ description: 'Makes it a special-account team: its members work these accounts’ deals whoever owns them.' }),
});

export const TeamsUpdate = z.strictObject({ teams: z.array(TeamSchema).max(200, { message: 'must have at most 200 teams' }) }).meta({ id: 'TeamsUpdate' });
export type TeamsUpdate = z.infer<typeof TeamsUpdate>;

export const Teams = z
  .object({
    teams: z.array(TeamSchema),
    etag: z.string().nullable().meta({ description: 'Send in If-Match to save; null while the tenant has no teams saved (send If-Match: *).' }),
  })
  .meta({ id: 'Teams' });

const Names = z.array(z.string().trim().min(1).max(100)).max(200);
const TerritorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a slug like paris-enterprise' }).max(60),
  name: z.string().trim().min(1, { message: 'is required' }).max(100),
  criteria: z.strictObject({
    countries: Names.optional(),
    regions: Names.optional(),
    postcodePrefixes: z.array(z.string().trim().min(1).max(12)).max(500).optional(),
    industries: Names.optional(),
    sizes: z.array(z.enum(ACCOUNT_SIZES)).max(ACCOUNT_SIZES.length).optional(),
  }),
  assigneeIds: z.array(z.string().min(1).max(100)).max(500),
});

export const TerritoriesUpdate = z
  .strictObject({ territories: z.array(TerritorySchema).max(500, { message: 'must have at most 500 territories' }) })
  .meta({ id: 'TerritoriesUpdate', description: 'In order: an account belongs to the first territory whose criteria it meets.' });

export const Territories = z
  .object({ territories: z.array(TerritorySchema), etag: z.string().nullable() })
  .meta({ id: 'Territories' });

const RoleAssignmentSchema = z.strictObject({
  userId: z.string().min(1).max(100),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
});

export const RoleAssignmentsUpdate = z
  .strictObject({ assignments: z.array(RoleAssignmentSchema).max(5000, { message: 'must have at most 5000 assignments' }) })
  .meta({ id: 'RoleAssignmentsUpdate', description: 'Roles per user; they replace the roles of the user’s sign-in token (Entra app roles), which apply to users not listed.' });

export const RoleAssignments = z.object({ assignments: z.array(RoleAssignmentSchema), etag: z.string().nullable() }).meta({ id: 'RoleAssignments' });
