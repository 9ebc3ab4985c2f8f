import { useRouteLoaderData } from "react-router";
import type { Assignment } from "./permissions";

export interface StaffContext {
  user: { id: string; email: string; name: string };
  csrfToken: string;
  assignments: Assignment[];
  municipalities: { id: string; slug: string; name: string }[];
}

export function useStaffContext(): StaffContext {
  const data = useRouteLoaderData("routes/staff/layout") as StaffContext | undefined;
  if (!data) throw new Error("useStaffContext used outside the staff layout");
  return data;
}

/** Hidden CSRF field for every staff form; checked by readStaffForm() on the server. */
export function CsrfInput() {
  const { csrfToken } = useStaffContext();
  return <input type="hidden" name="csrf" value={csrfToken} />;
}
