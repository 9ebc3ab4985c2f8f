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
  ]),

  // Public site: /antwerpen redirects to the remembered or default language
  route(":municipality", "routes/public/municipality.ts"),
  route(":municipality/:lang", "routes/public/layout.tsx", [
    index("routes/public/home.tsx"),
    route("hulp", "routes/public/finder.tsx"),
    route("punt/:pointId", "routes/public/help-point.tsx"),
    route("internet", "routes/public/internet.tsx"),
    route("leren", "routes/public/learn.tsx"),
    route("lenen", "routes/public/borrow.tsx"),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
