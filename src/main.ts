import { ConfigError, loadConfig } from "./config.js";
import { defaultDirectory } from "./domain/organisations.js";
import { createRuntime } from "./setup/compose.js";
import { formatCredentials, loadDemo } from "./setup/demo.js";
import { createApp } from "./web/app.js";
import { appOptionsFromConfig } from "./web/options.js";

/** `npm start`: the web service on the configured database, with the demo partnership on an empty one. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  if (config.demo === "auto") {
    const credentials = await loadDemo({
      store: runtime.store,
      services: runtime.services,
      passwords: runtime.passwords,
      directory: defaultDirectory(),
    });
    if (credentials) console.log(formatCredentials(credentials));
  }
  const { secretIsEphemeral, ...options } = appOptionsFromConfig(config, {
    logger: { level: process.env.LOG_LEVEL ?? "warn" },
  });
  const app = await createApp(runtime.services, options);
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port: config.web.port, host: config.web.host });
  const where =
    config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
  console.log(
    `Assure is running at http://${config.web.host}:${config.web.port} (${runtime.partnership.name}; ${where})`,
  );
  if (secretIsEphemeral) console.log("SESSION_SECRET is not set: sign-ins will not survive a restart.");
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
