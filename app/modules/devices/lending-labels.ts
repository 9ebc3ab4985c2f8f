/**
 * Plain Dutch names for the staff pages of device lending. No server code here: route components import them.
 */
import type { deviceApplications, deviceLoans, devices } from "~/db/schema";

export type ApplicationStatus = (typeof deviceApplications.$inferSelect)["status"];
export type DeviceKind = (typeof devices.$inferSelect)["kind"];
export type Purpose = (typeof deviceApplications.$inferSelect)["purpose"];
export type LoanStatus = (typeof deviceLoans.$inferSelect)["status"];
export type Condition = (typeof devices.$inferSelect)["condition"];

export const DEVICE_KINDS: readonly DeviceKind[] = ["laptop", "tablet", "smartphone", "screen", "router_4g", "data_sim"];
export const PURPOSES: readonly Purpose[] = ["school", "job_search", "administration", "contact", "other"];

export const KIND_LABELS: Record<DeviceKind, string> = {
  laptop: "Laptop",
  tablet: "Tablet",
  smartphone: "Smartphone",
  screen: "Scherm",
  router_4g: "4G-router",
  data_sim: "Simkaart met data",
};
export const PURPOSE_LABELS: Record<Purpose, string> = {
  school: "School of opleiding",
  job_search: "Werk zoeken",
  administration: "Administratie (belastingen, bank, OCMW, mutualiteit)",
  contact: "Contact met familie en vrienden",
  other: "Iets anders (zie de uitleg)",
};
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: "Nieuw, nog niet beslist",
  approved: "Goedgekeurd",
  waiting: "Op de wachtlijst",
  declined: "Geweigerd",
  fulfilled: "Toestel meegegeven",
  withdrawn: "Ingetrokken",
};

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  reserved: "Gereserveerd, nog niet meegegeven",
  on_loan: "Uitgeleend",
  returned: "Teruggebracht",
  cancelled: "Reservering geannuleerd",
  gifted: "Geschonken",
};
export const CONDITION_LABELS: Record<Condition, string> = {
  new: "Nieuw",
  good: "Goed",
  fair: "Gebruikt, werkt goed",
  poor: "Slecht, moet nagekeken worden",
  broken: "Kapot",
};
export const CONTACT_CHANNELS = ["phone", "letter", "visit", "sms", "email"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<string, string> = {
  phone: "Gebeld",
  letter: "Brief",
  visit: "Bezoek",
  sms: "Sms",
  email: "E-mail",
  none: "Geen contactgegevens",
};


/** The languages of messages and agreements, named in Dutch for the staff pages. */
export const LANGUAGE_NAMES_NL: Record<string, string> = { nl: "Nederlands", fr: "Frans", en: "Engels", ar: "Arabisch" };
