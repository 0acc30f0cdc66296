import { describe, expect, it } from "vitest";
import { firstName } from "../../src/domain/clients.js";

describe("firstName", () => {
  it("is the call name when the client chose one", () => {
    expect(firstName({ name: "Samira El Amrani", callName: "Sam" })).toBe("Sam");
  });

  it("is otherwise the first word of the name, whatever the spaces around it", () => {
    expect(firstName({ name: "Samira El Amrani", callName: null })).toBe("Samira");
    expect(firstName({ name: "  Jan   de Vries ", callName: null })).toBe("Jan");
    expect(firstName({ name: "Jan\tde Vries", callName: null })).toBe("Jan");
    expect(firstName({ name: "Fleur", callName: null })).toBe("Fleur");
  });

  it("a name of only spaces gives an empty first name, not an error", () => {
    expect(firstName({ name: "   ", callName: null })).toBe("");
  });
});
