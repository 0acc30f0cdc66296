/**
 * What every admin command shares (src/cli/run.ts): usage errors and strict option parsing.
 * `runOnDatabase` opens a database: the commands built on it are tested in test/cli/.
 */
import { describe, expect, it } from "vitest";
import { parseOptions, usageError } from "../../src/cli/run.js";

function sink() {
  const chunks: string[] = [];
  return { stream: { write: (c: string) => (chunks.push(c), true) } as unknown as NodeJS.WritableStream, text: () => chunks.join("") };
}

const USAGE = "  org add --name <name>   add an organisation";

describe("usageError", () => {
  it("writes the message, then the usage, and gives exit code 2", () => {
    const err = sink();
    expect(usageError(err.stream, "Give a --name.", USAGE)).toBe(2);
    expect(err.text()).toBe(`Give a --name.\n\nUsage: npm run koers -- ...\n${USAGE}\n`);
  });
});

describe("parseOptions", () => {
  const config = { args: [] as string[], options: { name: { type: "string" as const }, json: { type: "boolean" as const } } };

  it("reads the options it knows", () => {
    const err = sink();
    const parsed = parseOptions({ ...config, args: ["--name", "Noord", "--json"] }, err.stream, USAGE);
    expect(parsed?.values).toEqual({ name: "Noord", json: true });
    expect(err.text()).toBe("");
  });

  it("an unknown option, a missing value or a stray argument is a usage error, not a guess", () => {
    for (const args of [["--nmae", "Noord"], ["--name"], ["Noord"], ["--json=yes"]]) {
      const err = sink();
      expect(parseOptions({ ...config, args }, err.stream, USAGE), args.join(" ")).toBeUndefined();
      expect(err.text()).toContain("Usage: npm run koers -- ...");
      expect(err.text()).toContain(USAGE);
    }
  });

  it("stray arguments are allowed when the command asks for them", () => {
    const err = sink();
    expect(parseOptions({ ...config, args: ["Noord", "--json"], allowPositionals: true }, err.stream, USAGE)?.positionals).toEqual(["Noord"]);
  });
});
