/** Small pieces shared by the device-lending staff pages (applications, loans, settings). */
import { ChoiceGroup } from "~/ui/form";

type GroupProps = { id: string; name: string; legend: string; options: { value: string; label: string }[]; error?: string };

/** A group of checkboxes with a legend and an error; the first box carries the group's id (for the error summary). */
export function CheckboxGroup(props: GroupProps & { hint?: string; checked: readonly string[] }) {
  return <ChoiceGroup {...props} />;
}

/** Radio buttons with a legend and an error; the first one carries the group's id. */
export function RadioGroup({ value, ...props }: GroupProps & { value: string }) {
  return <ChoiceGroup {...props} type="radio" checked={[value]} />;
}

/** A YYYY-MM-DD date in plain Dutch: "dinsdag 1 december 2026". */
export function dutchLongDate(date: string): string {
  return new Intl.DateTimeFormat("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}
