import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flowRegistry } from "../../flows/index.js";
import { chose, send, start } from "./drive.js";

const ALL = ["onboarding", "grow", "miracle", "scaling", "checkin", "reminders", "menu", "ladder", "clarifying", "evaluation", "closing", "aftercare", "referralConsent", "referralList"];

describe("the flow registry", () => {
  it("holds every conversation, each under its own id", () => {
    expect(Object.keys(flowRegistry).sort()).toEqual([...ALL].sort());
    for (const [id, def] of Object.entries(flowRegistry)) expect(def.id, id).toBe(id);
  });

  it("every flow has a positive whole version and a machine, each its own", () => {
    const machines = new Set(Object.values(flowRegistry).map((d) => d.machine));
    expect(machines.size).toBe(ALL.length);
    for (const def of Object.values(flowRegistry)) {
      expect(Number.isInteger(def.version) && def.version >= 1, def.id).toBe(true);
      expect(typeof def.machine.transition, def.id).toBe("function");
    }
  });

  it("every flow file in flows/ that defines a conversation is registered", () => {
    const dir = path.resolve(import.meta.dirname, "../../flows");
    const defined = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts"].includes(f))
      .filter((f) => /export const \w+: FlowDefinition = /.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(defined.length).toBe(ALL.length);
  });

  it("the conversations the menu starts are all registered", () => {
    for (const topic of ["grow", "checkin", "miracle", "scaling"]) {
      const effects = send(flowRegistry.menu?.machine as never, start(flowRegistry.menu?.machine as never), chose(topic)).effects;
      const next = effects.find((e) => e.kind === "startFlow");
      expect(next && next.kind === "startFlow" ? flowRegistry[next.flowId]?.id : undefined).toBe(topic);
    }
  });
});
