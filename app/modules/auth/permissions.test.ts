import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Assignment, type Permission, type Role } from "./permissions";

const ANTWERPEN = "muni-antwerpen";
const HASSELT = "muni-hasselt";
const ORG = "org-digipunten";
const OTHER_ORG = "org-bib";
const POINT = "point-kiel";
const OTHER_POINT = "point-zuid";

function assignment(role: Role): Assignment {
  if (role === "platform_admin") return { role, municipalityId: null, organizationId: null, helpPointId: null };
  return {
    role,
    municipalityId: ANTWERPEN,
    organizationId: role === "organization_manager" || role === "digihelper" || role === "service_owner" ? ORG : null,
    helpPointId: role === "digihelper" ? POINT : null,
  };
}

const ownPoint = { municipalityId: ANTWERPEN, organizationId: ORG, helpPointId: POINT };
const otherOrgPoint = { municipalityId: ANTWERPEN, organizationId: OTHER_ORG, helpPointId: OTHER_POINT };
const otherCityPoint = { municipalityId: HASSELT, organizationId: "org-hasselt", helpPointId: "point-hasselt" };

const DEVICE_OFFICER_EXTRA: Permission[] = ["help.refer", "devices.apply", "devices.view", "devices.manage", "devices.lend"];

/** The whole matrix: for each role, the permissions it has on its own point, another organisation's point, another city. */
const EXPECTED: Record<Role, { own: Permission[]; otherOrg: Permission[]; otherCity: Permission[] }> = {
  platform_admin: { own: [...PERMISSIONS], otherOrg: [...PERMISSIONS], otherCity: [...PERMISSIONS] },
  coordinator: { own: [...PERMISSIONS], otherOrg: [...PERMISSIONS], otherCity: [] },
  organization_manager: {
    own: [
      "staff.access",
      "offer.view",
      "offer.edit",
      "organization.edit",
      "offer.check",
      "learning.view",
      "learning.register",
      "learning.manage",
      "help.refer",
      "devices.apply",
      "help.desk",
      "help.manage",
      "referrals.receive",
    ],
    otherOrg: ["staff.access", "offer.view", "learning.view", "learning.register", "help.refer", "devices.apply"],
    otherCity: [],
  },
  digihelper: {
    own: ["staff.access", "offer.view", "offer.check", "learning.view", "learning.register", "help.refer", "devices.apply", "help.desk", "referrals.receive"],
    otherOrg: ["staff.access", "offer.view", "learning.view", "learning.register", "help.refer", "devices.apply"],
    otherCity: [],
  },
  trainer: {
    own: ["staff.access", "offer.view", "learning.view", "learning.register", "learning.teach", "help.refer"],
    otherOrg: ["staff.access", "offer.view", "learning.view", "learning.register", "learning.teach", "help.refer"],
    otherCity: [],
  },
  device_officer: {
    own: ["staff.access", "offer.view", "learning.view", ...DEVICE_OFFICER_EXTRA],
    otherOrg: ["staff.access", "offer.view", "learning.view", ...DEVICE_OFFICER_EXTRA],
    otherCity: [],
  },
  service_owner: {
    own: ["staff.access", "offer.view", "learning.view", "help.insights"],
    otherOrg: ["staff.access", "offer.view", "learning.view"],
    otherCity: [],
  },
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const [scope, target] of [
      ["own", ownPoint],
      ["otherOrg", otherOrgPoint],
      ["otherCity", otherCityPoint],
    ] as const) {
      it(`${role} on ${scope}`, () => {
        const granted = PERMISSIONS.filter((p) => can([assignment(role)], p, target));
        expect(granted.sort()).toEqual([...EXPECTED[role][scope]].sort());
      });
    }
  }

  it("a digihelper scoped to one point cannot check another point of the same organisation", () => {
    const sameOrgOtherPoint = { municipalityId: ANTWERPEN, organizationId: ORG, helpPointId: OTHER_POINT };
    expect(can([assignment("digihelper")], "offer.check", sameOrgOtherPoint)).toBe(false);
  });

  it("roles in two municipalities do not leak into each other", () => {
    const both: Assignment[] = [
      { role: "coordinator", municipalityId: HASSELT, organizationId: null, helpPointId: null },
      { role: "trainer", municipalityId: ANTWERPEN, organizationId: null, helpPointId: null },
    ];
    expect(can(both, "offer.manage", { municipalityId: HASSELT })).toBe(true);
    expect(can(both, "offer.manage", { municipalityId: ANTWERPEN })).toBe(false);
  });

  it("nobody without a role gets anything", () => {
    for (const p of PERMISSIONS) expect(can([], p, ownPoint)).toBe(false);
  });
});
