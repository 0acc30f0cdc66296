import { describe, expect, it } from "vitest";
import { lineUp, type Wanted } from "./line-up.js";

const sure = (key: string): Wanted => ({ key, uncertain: false, reask: false });
const doubt = (key: string): Wanted => ({ key, uncertain: true, reask: false });
const reask = (key: string): Wanted => ({ key, uncertain: false, reask: true });

describe("lining a chat's deliveries up with its send jobs", () => {
  it("accepts everything delivered once, in order", () => {
    expect(lineUp(["a", "b", "c"], [sure("a"), sure("b"), sure("c")])).toEqual({ unexpected: [], missing: [], doubled: 0, reasksDoubled: 0, uncertainLost: 0 });
  });

  it("lets a message in doubt be lost or arrive", () => {
    expect(lineUp(["a", "c"], [sure("a"), doubt("b"), sure("c")])).toMatchObject({ unexpected: [], missing: [], uncertainLost: 1 });
    expect(lineUp(["a", "b", "c"], [sure("a"), doubt("b"), sure("c")])).toMatchObject({ unexpected: [], missing: [], uncertainLost: 0 });
  });

  it("reads a lost message in doubt followed by the same text right, where a greedy reading saw an unexpected re-ask", () => {
    // What crash-talk on PGlite met: "Die knop..." in doubt and lost, the same text from the next
    // job delivered, then the re-ask of the first.
    const expected = [sure("menu"), doubt("Die knop"), sure("Die knop"), reask("Misschien... Die knop"), sure("menu2")];
    expect(lineUp(["menu", "Die knop", "Misschien... Die knop", "menu2"], expected)).toEqual({ unexpected: [], missing: [], doubled: 0, reasksDoubled: 0, uncertainLost: 1 });
  });

  it("counts a message sent twice as doubled, and a re-ask sent twice apart", () => {
    expect(lineUp(["a", "a", "b"], [sure("a"), sure("b")])).toMatchObject({ doubled: 1, reasksDoubled: 0, unexpected: [] });
    expect(lineUp(["a", "r", "r"], [sure("a"), reask("r")])).toMatchObject({ doubled: 0, reasksDoubled: 1, unexpected: [] });
  });

  it("finds a delivery that no job holds, and a message that never arrived", () => {
    expect(lineUp(["a", "x", "b"], [sure("a"), sure("b")])).toMatchObject({ unexpected: [1], missing: [] });
    expect(lineUp(["a"], [sure("a"), sure("b")])).toMatchObject({ unexpected: [], missing: [1] });
    expect(lineUp(["b", "a"], [sure("a"), sure("b")]).unexpected.length + lineUp(["b", "a"], [sure("a"), sure("b")]).missing.length).toBeGreaterThan(0);
  });

  it("does not take a second copy of an older message for a duplicate", () => {
    expect(lineUp(["a", "b", "a"], [sure("a"), sure("b")])).toMatchObject({ unexpected: [2], doubled: 0 });
  });

  it("does not call a lost message in doubt delivered by reading a later copy in its place when that copy is then missing", () => {
    expect(lineUp(["x"], [doubt("x"), sure("x")])).toMatchObject({ unexpected: [], missing: [], uncertainLost: 1 });
    expect(lineUp([], [doubt("x"), sure("x")])).toMatchObject({ missing: [1], uncertainLost: 1 });
  });
});
