import fs from "node:fs";
import { openDatabase, setDatabase, type Database } from "~/db/client.server";
import type { Config } from "./config";

/** Open the database, apply pending migrations, and share it with the app. */
export async function startDatabase(config: Config, log: (msg: string) => void): Promise<Database> {
  if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  log(`database: ${database.kind}${database.kind === "pglite" ? ` in ${config.dataDir}` : ""}, migrations applied`);
  setDatabase(database);
  return database;
}
