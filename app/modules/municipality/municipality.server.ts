import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { districts, municipalities, topics } from "~/db/schema";

export type Municipality = typeof municipalities.$inferSelect;
export type District = typeof districts.$inferSelect;
export type Topic = typeof topics.$inferSelect;

export async function findMunicipality(db: Db, slug: string): Promise<Municipality | null> {
  if (!/^[a-z0-9-]{2,40}$/.test(slug)) return null;
  const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug)).limit(1);
  return row ?? null;
}

export function listMunicipalities(db: Db): Promise<Municipality[]> {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export function listDistricts(db: Db, municipalityId: string): Promise<District[]> {
  return db.select().from(districts).where(eq(districts.municipalityId, municipalityId)).orderBy(asc(districts.name));
}

export function listTopics(db: Db, municipalityId: string): Promise<Topic[]> {
  return db.select().from(topics).where(eq(topics.municipalityId, municipalityId)).orderBy(asc(topics.position));
}
