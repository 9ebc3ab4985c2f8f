import type { Role } from "./permissions";

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: "Platformbeheerder",
  coordinator: "Coördinator",
  organization_manager: "Beheerder van een organisatie",
  digihelper: "Digihelper",
  trainer: "Lesgever",
  device_officer: "Medewerker toestellen",
  service_owner: "Eigenaar van een stadsdienst",
};
