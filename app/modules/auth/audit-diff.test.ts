import { describe, expect, it } from "vitest";
import { auditChanges, displayValue } from "./audit-diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, with Dutch labels", () => {
    const before = { id: "p1", name: "Digipunt Kiel", description: { nl: "Oud" }, walkIn: true, languages: ["nl"], updatedAt: "2026-01-01T10:00:00Z", topicCodes: [] };
    const after = { name: "Digipunt Kiel", description: "Nieuw", walkIn: false, languages: ["nl", "fr"], topicCodes: ["ebox"] };
    expect(auditChanges(before, after)).toEqual([
      { field: "description", label: "Beschrijving", before: "Oud", after: "Nieuw" },
      { field: "walkIn", label: "Binnenlopen zonder afspraak", before: "ja", after: "nee" },
      { field: "languages", label: "Talen", before: "nl", after: "nl, fr" },
      { field: "topicCodes", label: "Onderwerpen", before: null, after: "ebox" },
    ]);
  });

  it("shows what was filled in on creation and what was there on deletion", () => {
    expect(auditChanges(null, { name: "Nieuw", phone: null })).toEqual([{ field: "name", label: "Naam", before: null, after: "Nieuw" }]);
    expect(auditChanges({ date: "2027-01-02", kind: "closed" }, null)).toEqual([
      { field: "date", label: "Datum", before: "2027-01-02", after: null },
      { field: "kind", label: "Soort", before: "gesloten", after: null },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("turns ids into names and timestamps into Brussels time", () => {
    expect(auditChanges({ organizationId: "a" }, { organizationId: "b" }, { a: "Oud", b: "Nieuw" })).toEqual([
      { field: "organizationId", label: "Organisatie", before: "Oud", after: "Nieuw" },
    ]);
    expect(displayValue("2026-07-01T08:00:00.000Z")).toMatch(/1 juli 2026.*10:00/);
    expect(displayValue([])).toBeNull();
  });
});
