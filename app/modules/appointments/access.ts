/**
 * Desk permissions are scoped to a help point or an organisation: a digihelper has help.desk only at their own
 * point. The navigation asks whether someone has a permission anywhere in the municipality.
 */
import { can, type Assignment, type Permission } from "~/modules/auth/permissions";

export function canAnywhere(assignments: readonly Assignment[], permission: Permission, municipalityId: string): boolean {
  if (can(assignments, permission, { municipalityId })) return true;
  return assignments.some(
    (a) =>
      a.municipalityId === municipalityId &&
      (a.organizationId || a.helpPointId) &&
      can(assignments, permission, { municipalityId, organizationId: a.organizationId, helpPointId: a.helpPointId }),
  );
}
