export * from "./tenancy";
export * from "./people";
export * from "./finder";
export * from "./notifications";
export * from "./learning";
export * from "./help";
export * from "./devices";
