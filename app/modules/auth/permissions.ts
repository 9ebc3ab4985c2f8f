/**
 * Who may do what. Every staff loader and action asks `can()` on the server; the UI only hides
 * what the server would refuse anyway. Roles are scoped to a municipality and, where it applies,
 * to one organisation or help point.
 */
export const ROLES = [
  "platform_admin",
  "coordinator",
  "organization_manager",
  "digihelper",
  "trainer",
  "device_officer",
  "service_owner",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Open the staff area of a municipality. */
  "staff.access",
  /** See the offer (organisations, help points) in the staff area. */
  "offer.view",
  /** Edit a help point: details, hours, closures. */
  "offer.edit",
  /** Create help points and organisations, import and export the offer. */
  "offer.manage",
  /** Edit an organisation's own details. */
  "organization.edit",
  /** Stamp "I checked this today". */
  "offer.check",
  /** Read the audit log. */
  "audit.view",
  /** See courses, runs and their lists. */
  "learning.view",
  /** Register a resident for a course on their behalf, move them between runs. */
  "learning.register",
  /** Create and edit courses, runs and sessions; handle school requests; see staff-awareness figures. */
  "learning.manage",
  /** Take attendance and add walk-ins at a session (trainers: of the courses they teach). */
  "learning.teach",
  /** See the message outbox and its failures. */
  "messages.view",
  /** At a help point: the day's agenda, book on behalf, check in, no-show, walk-in, log help contacts (tally). */
  "help.desk",
  /** Refer a resident (with consent) to a partner or module. */
  "help.refer",
  /** Work the referrals sent to an organisation or help point. */
  "referrals.receive",
  /** Appointment types and weekly plans of a help point; home-visit planning; the list of services in the tally. */
  "help.manage",
  /** See what residents got stuck on per service (counts, topics, outcomes, remarks). */
  "help.insights",
  /** Find, export and erase one resident's personal data on request; set the retention period. */
  "privacy.manage",
  /** Apply for a device on a resident's behalf and follow the application. */
  "devices.apply",
  /** See the device bank's stock and numbers. */
  "devices.view",
  /** Donations, inventory, lifecycle steps (wipe, repair, retire), labels, device-bank settings. */
  "devices.manage",
  /** Decide applications, reserve, hand over, extend, take back, give away. */
  "devices.lend",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Assignment {
  role: Role;
  municipalityId: string | null;
  organizationId: string | null;
  helpPointId: string | null;
}

/** What a permission is asked about. A help point carries its organisation too. */
export interface Target {
  municipalityId: string;
  organizationId?: string | null;
  helpPointId?: string | null;
}

const MUNICIPALITY_WIDE: Record<Exclude<Role, "platform_admin">, readonly Permission[]> = {
  coordinator: PERMISSIONS,
  organization_manager: ["staff.access", "offer.view", "learning.view", "learning.register", "help.refer", "devices.apply"],
  digihelper: ["staff.access", "offer.view", "learning.view", "learning.register", "help.refer", "devices.apply"],
  trainer: ["staff.access", "offer.view", "learning.view", "learning.register", "learning.teach", "help.refer"],
  device_officer: [
    "staff.access",
    "offer.view",
    "learning.view",
    "help.refer",
    "devices.apply",
    "devices.view",
    "devices.manage",
    "devices.lend",
  ],
  service_owner: ["staff.access", "offer.view", "learning.view"],
};

/** Permissions a role has only on its own organisation or help point. */
const ON_OWN_SCOPE: Partial<Record<Role, readonly Permission[]>> = {
  organization_manager: [
    "offer.edit",
    "offer.check",
    "organization.edit",
    "learning.manage",
    "help.desk",
    "help.manage",
    "referrals.receive",
  ],
  digihelper: ["offer.check", "help.desk", "referrals.receive"],
  /** A service owner is scoped to the city department (organisation) that runs the service. */
  service_owner: ["help.insights"],
};

function grants(assignment: Assignment, permission: Permission, target: Target): boolean {
  if (assignment.role === "platform_admin") return true;
  if (assignment.municipalityId !== target.municipalityId) return false;
  if (MUNICIPALITY_WIDE[assignment.role].includes(permission)) return true;
  if (!ON_OWN_SCOPE[assignment.role]?.includes(permission)) return false;
  if (assignment.helpPointId) return target.helpPointId === assignment.helpPointId;
  if (assignment.organizationId) return target.organizationId === assignment.organizationId;
  return false;
}

export function can(assignments: readonly Assignment[], permission: Permission, target: Target): boolean {
  return assignments.some((a) => grants(a, permission, target));
}

/** Municipalities where the person has any staff role (platform admins: all). */
export function isPlatformAdmin(assignments: readonly Assignment[]): boolean {
  return assignments.some((a) => a.role === "platform_admin");
}
