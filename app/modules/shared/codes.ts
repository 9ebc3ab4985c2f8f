/** Upper-case letters and digits only: people type codes from paper with spaces, dashes or in lower case. */
export function normaliseCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
