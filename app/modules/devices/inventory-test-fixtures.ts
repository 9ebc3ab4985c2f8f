/**
 * Test fixtures for the device bank's inventory: the offer fixture, a donation and a few registered devices.
 * Not a test file itself.
 */
import type { Db } from "~/db/client.server";
import { seedOfferFixture, type OfferFixture } from "~/modules/offer/test-fixtures";
import { parsePledge, type PledgeFormValues } from "./donation-schema";
import { pledgeDonation, registerDevices } from "./donations.server";
import type { IntakeRow } from "./donation-schema";

export const PLEDGE_VALUES: PledgeFormValues = {
  organizationName: "Demo Bank NV",
  counts: { laptop: "3", tablet: "1" },
  minimumSpecs: "8 GB RAM, SSD",
  pickupAddress: "Meir 1, 2000 Antwerpen",
  pickupDate: "",
  contactName: "Els Janssens",
  contactEmail: "els@bank.example",
  contactPhone: "",
  note: "",
};

export function laptopRow(serial: string | null, overrides: Partial<IntakeRow> = {}): IntakeRow {
  return { kind: "laptop", make: "Lenovo", model: "ThinkPad T480", serial, specs: "8 GB RAM, 256 GB SSD", keyboardLayout: "azerty", condition: "good", ...overrides };
}

export interface InventoryFixture {
  offer: OfferFixture;
  donationId: string;
  token: string;
  deviceIds: string[];
}

export async function seedInventoryFixture(db: Db, offer?: OfferFixture): Promise<InventoryFixture> {
  const fixture = offer ?? (await seedOfferFixture(db));
  const parsed = parsePledge(PLEDGE_VALUES, "2026-01-01");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const pledge = await pledgeDonation(db, fixture.antwerpen.id, parsed.data, { language: "nl", baseUrl: "http://test" });
  if (!pledge.ok || !pledge.token) throw new Error(pledge.ok ? "no impact link" : pledge.message);
  const intake = await registerDevices(db, fixture.antwerpen.id, { donationId: pledge.id }, [laptopRow("SN-1"), laptopRow("SN-2"), laptopRow("SN-3")], null, {
    homeHelpPointId: fixture.digipuntKiel,
  });
  if (!intake.ok) throw new Error(JSON.stringify(intake.errors));
  return { offer: fixture, donationId: pledge.id, token: pledge.token, deviceIds: intake.devices.map((d) => d.id) };
}

/** The staff application form as a digihelper fills it in at a help point (route tests post these fields). */
export function applicationFormFields(helpPointId: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    applicantName: "Marc Janssens",
    phone: "0470 12 34 56",
    email: "",
    language: "nl",
    kinds: ["laptop"],
    purpose: "job_search",
    householdSize: "1",
    postcode: "2140",
    address: "Kroonstraat 44",
    reason: "",
    referrerName: "",
    referrerContact: "",
    helpPointId,
    referralId: "",
    ...overrides,
  };
}
