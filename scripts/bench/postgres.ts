// A throwaway PostgreSQL 15 cluster for the benchmark (unless BENCH_DATABASE_URL points at one).
import fs from "node:fs";
import path from "node:path";
import { freePort, onCleanup, runOrThrow, tempDir } from "./processes";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, "initdb")) && fs.existsSync(path.join(PG_BIN, "pg_ctl"));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** initdb + pg_ctl start on 127.0.0.1 and a free port; stopped and removed by the clean-up stack. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (root) {
    const id = (flag: string) => Number(runOrThrow("id", [flag, "postgres"]).trim());
    owner = { uid: id("-u"), gid: id("-g") };
  }
  const { dir, remove } = tempDir("digibrug-bench-pg-", owner);
  const data = path.join(dir, "data");
  const port = await freePort();
  // As root PostgreSQL refuses to run: go through the postgres user.
  const run = (command: string) => (root ? runOrThrow("su", ["postgres", "-c", command]) : runOrThrow("sh", ["-c", command]));

  run(`${quote(path.join(PG_BIN, "initdb"))} -D ${quote(data)} -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null`);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c max_connections=100`;
  run(`${quote(path.join(PG_BIN, "pg_ctl"))} -D ${quote(data)} -l ${quote(path.join(dir, "log"))} -o ${quote(options)} -w -t 60 start >/dev/null`);
  // Registered after the directory, so it runs before the directory is removed.
  const stopServer = onCleanup("stop throwaway PostgreSQL", () => {
    run(`${quote(path.join(PG_BIN, "pg_ctl"))} -D ${quote(data)} -m fast -w stop >/dev/null`);
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopServer();
      await remove();
    },
  };
}
