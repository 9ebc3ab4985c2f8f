import { type RouteConfig, index, route } from "@react-router/dev/routes";

// Static segments (api, beheer) rank above the :municipality segment, so those slugs are reserved.
export default [
  index("routes/public/index.tsx"),

  // Open Referral HSDS 3.0, read-only and open
  route("api/hsds/:municipality", "routes/api/hsds-root.ts"),
  route("api/hsds/:municipality/services", "routes/api/hsds-services.ts"),
  route("api/hsds/:municipality/services/:id", "routes/api/hsds-service.ts"),
  route("api/hsds/:municipality/service_at_locations", "routes/api/hsds-service-at-locations.ts"),
  route("api/hsds/:municipality/service_at_locations/:id", "routes/api/hsds-service-at-location.ts"),
  route("api/hsds/:municipality/organizations", "routes/api/hsds-organizations.ts"),
  route("api/hsds/:municipality/organizations/:id", "routes/api/hsds-organization.ts"),
  route("api/hsds/:municipality/taxonomies", "routes/api/hsds-taxonomies.ts"),
  route("api/hsds/:municipality/taxonomies/:id", "routes/api/hsds-taxonomy.ts"),
  route("api/hsds/:municipality/taxonomy_terms", "routes/api/hsds-taxonomy-terms.ts"),
  route("api/hsds/:municipality/taxonomy_terms/:id", "routes/api/hsds-taxonomy-term.ts"),

  // iCalendar feeds of course sessions
  route("api/ical/:municipality/cursussen", "routes/api/ical-courses.ts"),
  route("api/ical/:municipality/cursussen/:courseId", "routes/api/ical-course.ts"),

  // Staff
  route("beheer/inloggen", "routes/staff/login.tsx"),
  route("beheer/uitloggen", "routes/staff/logout.ts"),
  route("beheer", "routes/staff/layout.tsx", [
    index("routes/staff/dashboard.tsx"),
    route("account", "routes/staff/account.tsx"),
    route(":municipality/organisaties", "routes/staff/organizations.tsx"),
    route(":municipality/organisaties/nieuw", "routes/staff/organization-edit.tsx", { id: "staff-organization-new" }),
    route(":municipality/organisaties/:organizationId", "routes/staff/organization-edit.tsx"),
    route(":municipality/punten", "routes/staff/points.tsx"),
    route(":municipality/punten/nieuw", "routes/staff/point-edit.tsx", { id: "staff-point-new" }),
    route(":municipality/punten/:pointId", "routes/staff/point-edit.tsx"),
    route(":municipality/punten/:pointId/uren", "routes/staff/point-hours.tsx"),
    route(":municipality/import", "routes/staff/import.tsx"),
    route(":municipality/export.csv", "routes/staff/export-csv.ts"),
    route(":municipality/audit", "routes/staff/audit.tsx"),
    route(":municipality/berichten", "routes/staff/messages.tsx"),
    route(":municipality/cursussen", "routes/staff/courses.tsx"),
    route(":municipality/cursussen/nieuw", "routes/staff/course-edit.tsx", { id: "staff-course-new" }),
    route(":municipality/cursussen/:courseId", "routes/staff/course-edit.tsx"),
    route(":municipality/cursussen/:courseId/reeksen/:runId", "routes/staff/course-run.tsx"),
    route(":municipality/sessies", "routes/staff/course-sessions.tsx"),
    route(":municipality/sessies/:sessionId", "routes/staff/course-session.tsx"),
    route(":municipality/sessies/:sessionId/getuigschrift/:registrationId", "routes/staff/certificate-print.tsx"),
    route(":municipality/scholen", "routes/staff/workshop-requests.tsx"),
    route(":municipality/scholen/:requestId", "routes/staff/workshop-request.tsx"),
    route(":municipality/personeel", "routes/staff/staff-awareness.tsx"),
    route(":municipality/personeel.csv", "routes/staff/staff-awareness-csv.ts"),
    // One-to-one help: appointments (issue 3)
    // One-to-one help: help-question log, services, home visits (issue 3)
    // One-to-one help: referrals and privacy (issue 3)
    // Device bank: donations, inventory, labels, stock, numbers (issue 5)
    // Device bank: applications, reservations, loans, returns (issue 5)
  ]),

  // Public site: /antwerpen redirects to the remembered or default language
  route(":municipality", "routes/public/municipality.ts"),
  route(":municipality/:lang", "routes/public/layout.tsx", [
    index("routes/public/home.tsx"),
    route("hulp", "routes/public/finder.tsx"),
    route("punt/:pointId", "routes/public/help-point.tsx"),
    route("internet", "routes/public/internet.tsx"),
    route("leren", "routes/public/learn.tsx"),
    route("cursussen", "routes/public/courses.tsx"),
    route("cursussen/:courseId", "routes/public/course.tsx"),
    route("cursussen/:courseId/inschrijven/:runId", "routes/public/course-register.tsx"),
    route("inschrijving", "routes/public/registration-find.tsx"),
    route("inschrijving/:token", "routes/public/registration.tsx"),
    route("inschrijving/:token/agenda", "routes/public/registration-ics.ts"),
    route("inschrijving/:token/getuigschrift", "routes/public/certificate.ts"),
    route("inschrijving/:token/feedback", "routes/public/course-feedback.tsx"),
    route("scholen", "routes/public/school-request.tsx"),
    route("scholen/:token", "routes/public/school-request-status.tsx"),
    route("lenen", "routes/public/borrow.tsx"),
    // Appointments (issue 3)
    // Home visits (issue 3)
    // Device bank (issue 5)
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
