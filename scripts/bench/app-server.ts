// The production build of Digibrug as a child process, on loopback and a free port.
import fs from "node:fs";
import path from "node:path";
import { freePort, runOrThrow, sleep, startGroup } from "./processes";

/** The newest modification time under a directory (or of a file). */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds when build/ is missing, older than the sources, or when asked to. */
export function ensureBuild(force = false) {
  const built = fs.existsSync("build/server/index.js") ? fs.statSync("build/server/index.js").mtimeMs : 0;
  const reason = force
    ? "--build"
    : built === 0
      ? "build/ is missing"
      : Math.max(...["app", "public", "react-router.config.ts", "vite.config.ts"].map(newestMtime)) > built
        ? "build/ is older than the sources"
        : null;
  if (!reason) return false;
  console.log(`${reason}: npx react-router build …`);
  runOrThrow("npx", ["react-router", "build"]);
  return true;
}

export interface AppServer {
  origin: string;
  stop: () => Promise<void>;
}

export async function startAppServer(database: { dataDir: string } | { url: string }): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    // The demo (Antwerpen, Hasselt) is small; the page weights and Lighthouse use it.
    DEMO: "on",
    LOG_LEVEL: "warn",
    PUBLIC_POST_RATE_LIMIT: "1000000",
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if ("url" in database) env.DATABASE_URL = database.url;
  else env.DATA_DIR = database.dataDir;

  const started = Date.now();
  const { child, stop, output } = startGroup("npx", ["tsx", "server.ts"], { env });
  const origin = `http://127.0.0.1:${port}`;
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) {
        // /healthz answers before the React Router build is loaded: wait for a real page too.
        const page = await fetch(`${origin}/antwerpen/nl`);
        await page.arrayBuffer();
        if (page.ok) return { origin, stop };
      }
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`the server did not answer /healthz within 180 s:\n${output()}`);
}
