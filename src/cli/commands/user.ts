import type { Command } from "commander";
import { loadConfig } from "../../config.js";
import { bootstrapUser } from "../../services/bootstrap.js";
import { ROLES, type Role } from "../../services/types.js";
import { createRuntime } from "../../setup/compose.js";
import { newPassword } from "../../setup/demo.js";
import { UsageError } from "../output.js";

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("manage users from the command line");
  user
    .command("add")
    .description("create a user and print a one-time password; the first admin is made this way")
    .argument("<email>", "the user's email address, used to sign in")
    .option("--admin", "make the user a partnership admin (same as --role admin)")
    .option("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--name <name>", "the user's name as shown in the service")
    .option("--organisation <name>", "the organisation an agency editor belongs to")
    .action(
      async (
        email: string,
        opts: { admin?: boolean; role?: string; name?: string; organisation?: string },
      ) => {
        const role = (opts.admin ? "admin" : (opts.role ?? "")) as Role;
        if (!ROLES.includes(role)) throw new UsageError(`say --admin or --role (${ROLES.join(", ")})`);
        if (role === "editor" && !opts.organisation) throw new UsageError("an editor needs --organisation");
        const config = loadConfig();
        const runtime = await createRuntime({ ...config, demo: "off" });
        try {
          let organisationId: string | null = null;
          if (opts.organisation) {
            const wanted = opts.organisation.trim().toLowerCase();
            const orgs = await runtime.store.organisations.list();
            const org = orgs.find((o) => [o.name, ...o.aliases].some((n) => n.toLowerCase() === wanted));
            if (!org) throw new UsageError(`no organisation is called "${opts.organisation}"`);
            organisationId = org.id;
          }
          const password = newPassword();
          const created = await bootstrapUser(runtime.store, runtime.passwords, {
            email,
            name: opts.name ?? email.split("@")[0] ?? email,
            role,
            organisationId,
            password,
          });
          console.log(
            `Created ${created.role} ${created.email}. One-time password (shown once): ${password}`,
          );
        } finally {
          await runtime.close();
        }
      },
    );
}
