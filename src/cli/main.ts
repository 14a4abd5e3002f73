import { Command } from "commander";
import { registerParse } from "./commands/parse.js";
import { registerPlanCommands } from "./commands/plans.js";
import { failWith } from "./output.js";

const program = new Command();
program
  .name("assure")
  .description("Assure: import, check and report on safeguarding partnership action plans")
  .showHelpAfterError();

registerParse(program);
registerPlanCommands(program);

program.parseAsync(process.argv).catch(failWith);
