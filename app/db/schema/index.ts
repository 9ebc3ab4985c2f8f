export * from "./tenancy";
export * from "./people";
export * from "./finder";
