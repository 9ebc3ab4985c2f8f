import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/**
 * The finder's GET form. Error messages are i18n keys, translated where they are shown.
 * Unknown or empty fields are ignored, so an old shared link still works.
 */
export const finderQuery = z.object({
  q: optionalText.pipe(z.string().max(100, "finder.errors.q").optional()),
  topic: optionalText.pipe(z.string().regex(/^[a-z0-9-]{1,60}$/, "finder.errors.topic").optional()),
  district: optionalText.pipe(z.uuid("finder.errors.district").optional()),
  postcode: optionalText.pipe(z.string().regex(/^[1-9][0-9]{3}$/, "finder.errors.postcode").optional()),
  open: z.literal("now").optional().catch(undefined),
  access: z.enum(["walk_in", "appointment"]).optional().catch(undefined),
  language: optionalText.pipe(z.string().regex(/^[a-z]{2,3}$/, "finder.errors.language").optional()),
  wheelchair: z.literal("1").optional().catch(undefined),
  lat: z.coerce.number().min(49).max(52).optional().catch(undefined),
  lng: z.coerce.number().min(2).max(7).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type FinderQuery = z.infer<typeof finderQuery>;

export function parseFinderQuery(searchParams: URLSearchParams) {
  const raw = Object.fromEntries([...searchParams.entries()].filter(([, v]) => v !== ""));
  return finderQuery.safeParse(raw);
}
