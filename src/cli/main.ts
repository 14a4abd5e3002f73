import { Command } from "commander";
import { registerCheckCommands } from "./commands/check.js";
import { registerParse } from "./commands/parse.js";
import { registerPlanCommands } from "./commands/plans.js";
import { registerUserCommands } from "./commands/user.js";
import { failWith } from "./output.js";

const program = new Command();
program
  .name("assure")
  .description("Assure: import, check and report on safeguarding partnership action plans")
  .showHelpAfterError();

registerParse(program);
registerPlanCommands(program);
registerCheckCommands(program);
registerUserCommands(program);

program.parseAsync(process.argv).catch(failWith);
