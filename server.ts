import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import pino from "pino";
import { pinoHttp } from "pino-http";
import type { ServerBuild } from "react-router";
import { readConfig } from "~/server/config";
import { startDatabase } from "~/server/database";
import {
  loginRateLimit,
  publicFormRateLimit,
  refuseCrossSitePosts,
  setUpCspNonce,
  setUpWebSecurity,
} from "~/server/security";

const config = readConfig();
const logger = pino({ level: config.logLevel });
const database = await startDatabase(config, (msg) => logger.info(msg));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
app.get("/healthz", (_req, res) => {
  res.type("text/plain").send("ok");
});
app.use(setUpCspNonce);
app.use(setUpWebSecurity(config.production));
app.use(compression());
app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === "/healthz" } }));
app.use(refuseCrossSitePosts);
app.post("/beheer/inloggen", loginRateLimit(config.loginAttemptsPerWindow));
app.post(/^\/(?!beheer\/).*/, publicFormRateLimit(config.publicPostsPerMinute));

app.use("/vendor/leaflet", express.static("node_modules/leaflet/dist", { maxAge: "1d" }));

let build: ServerBuild | (() => Promise<ServerBuild>);
if (config.production) {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  // @ts-expect-error the build exists after `react-router build`
  build = (await import("./build/server/index.js")) as ServerBuild;
} else {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  build = () => viteServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
}

// Demo data and background jobs use the app's own modules (i18n catalogues, messages), which only the app
// bundle can load: they are exported from entry.server and run from there.
const loadedBuild = typeof build === "function" ? await build() : build;
const entry = loadedBuild.entry.module as unknown as typeof import("~/entry.server");
if (config.demo) {
  const { seeded } = await entry.seedDemoData(database.db);
  logger.info(seeded ? "demo data loaded (Antwerpen, Hasselt)" : "demo data already present");
}
const stopJobs = entry.startJobs((message, error) => logger.error({ err: error }, message));

app.all(
  /.*/,
  createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(config.port, config.host, () => {
  logger.info(`Digibrug listens on http://localhost:${config.port}`);
});

async function shutdown() {
  stopJobs();
  server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
