import { describe, expect, it } from "vitest";
import { createViewEnvironment } from "./views.js";

describe("the view environment", () => {
  it("compiles each template once and keeps it, unless watching views in development", () => {
    const env = createViewEnvironment();
    const first = env.getTemplate("pages/plan.njk", true);
    expect(env.getTemplate("pages/plan.njk", true)).toBe(first);
    expect(env.getTemplate("govuk/components/pagination/macro.njk", true)).toBe(
      env.getTemplate("govuk/components/pagination/macro.njk", true),
    );

    const watching = createViewEnvironment({ watch: true });
    expect(watching.getTemplate("pages/plan.njk", true)).not.toBe(
      watching.getTemplate("pages/plan.njk", true),
    );
  });
});
