import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedKeyring, isSealed, NESTED, newKeySpec, open, openDeep, parseKeyring, seal, sealData, SEALED_FIELDS, sealedWith, sealJson } from "../../src/db/sealed.js";

const K1 = newKeySpec("k1");
const K2 = newKeySpec("k2");

describe("sealing client words (AES-256-GCM)", () => {
  it("seals a text in the k:v1:iv:tag:ciphertext format and opens it again", () => {
    const ring = parseKeyring(K1);
    const sealed = seal(ring, "Ik wil werk vinden, mn schulden zijn te veel 😞");
    expect(sealed).toMatch(/^k1:v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain("werk");
    expect(open(ring, sealed)).toBe("Ik wil werk vinden, mn schulden zijn te veel 😞");
    // A fresh iv each time: the same words never give the same ciphertext.
    expect(seal(ring, "ja")).not.toBe(seal(ring, "ja"));
    expect(sealedWith(sealed)).toBe("k1");
  });

  it("seals a JSON value whole and gives the value back", () => {
    const ring = parseKeyring(K1);
    const value = { context: { answers: { goal: "Een baan bij de bakker" } }, n: [1, 2] };
    const sealed = sealJson(ring, value);
    expect(sealed).toMatch(/^k1:j1:/);
    expect(open(ring, sealed)).toEqual(value);
  });

  it("reads plain text as it is (rows from before sealing) and leaves lookalikes alone", () => {
    const ring = parseKeyring(K1);
    for (const plain of ["Sam", "k1:v1:hallo", "12:30 bij de huisarts", ""]) {
      expect(isSealed(plain)).toBe(false);
      expect(open(ring, plain)).toBe(plain);
    }
  });

  it("opens with every listed key, seals with the first", () => {
    const old = parseKeyring(K1);
    const rotated = parseKeyring(`${K2},${K1}`);
    const before = seal(old, "mijn buurman Kees helpt");
    expect(open(rotated, before)).toBe("mijn buurman Kees helpt");
    expect(sealedWith(seal(rotated, "nieuw"))).toBe("k2");
    expect(() => open(parseKeyring(K2), before)).toThrow(/key "k1", which is not in KOERS_DATA_KEY/);
  });

  it("refuses a changed ciphertext or a value moved to another kind", () => {
    const ring = parseKeyring(K1);
    const sealed = seal(ring, "geheim");
    const parts = sealed.split(":");
    const ct = Buffer.from(parts[4]!, "base64");
    ct[0] = ct[0]! ^ 1;
    expect(() => open(ring, [...parts.slice(0, 4), ct.toString("base64")].join(":"))).toThrow();
    expect(() => open(ring, sealed.replace(":v1:", ":j1:"))).toThrow();
  });

  it("refuses bad key specs with a clear message", () => {
    expect(() => parseKeyring("")).toThrow(/empty/);
    expect(() => parseKeyring("k1:dGVzdA==")).toThrow(/32 random bytes/);
    expect(() => parseKeyring(Buffer.alloc(32).toString("base64"))).toThrow(/key id first/);
    expect(() => parseKeyring(`${K1},${K1}`)).toThrow(/twice/);
  });

  it("seals only the listed fields and keys of a row; opens nested results", () => {
    const ring = parseKeyring(K1);
    const job = sealData(ring, "Job", { kind: "telegram.send", payload: { chatId: "5", sent: 0, messages: [{ key: "grow.summary.goal", vars: { goal: "werk" } }] } }) as {
      kind: string;
      payload: Record<string, unknown>;
    };
    expect(job.kind).toBe("telegram.send");
    expect(job.payload.sent).toBe(0);
    expect(job.payload.chatId).toBe("5");
    expect(isSealed(job.payload.messages)).toBe(true);
    const client = sealData(ring, "Client", { status: "ACTIVE", callName: "Sammie" }) as Record<string, unknown>;
    expect(client.status).toBe("ACTIVE");
    expect(isSealed(client.callName)).toBe(true);
    expect(openDeep(ring, { client, list: [job] })).toEqual({
      client: { status: "ACTIVE", callName: "Sammie" },
      list: [{ kind: "telegram.send", payload: { chatId: "5", sent: 0, messages: [{ key: "grow.summary.goal", vars: { goal: "werk" } }] } }],
    });
  });

  it("makes a key file readable by its owner only for an embedded database, once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "koers-key-"));
    try {
      const first = embeddedKeyring(dir);
      expect(first.created).toBe(true);
      expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
      const again = embeddedKeyring(dir);
      expect(again.created).toBe(false);
      expect(open(again.keyring, seal(first.keyring, "zelfde sleutel"))).toBe("zelfde sleutel");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the list of sealed fields and nested writes", () => {
  const schema = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const models = new Map([...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => [m[1]!, m[2]!]));
  const fieldsOf = (body: string) =>
    body
      .split("\n")
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 2 && /^\w/.test(f[0]!) && !f[0]!.startsWith("@"));

  it("names only fields that exist, with the right column type", () => {
    for (const [model, fields] of Object.entries(SEALED_FIELDS)) {
      const body = models.get(model);
      expect(body, model).toBeDefined();
      const types = new Map(fieldsOf(body!).map((f) => [f[0]!, f[1]!.replace(/\?$/, "")]));
      for (const [field, how] of Object.entries(fields)) expect(types.get(field), `${model}.${field}`).toBe(how === "text" ? "String" : "Json");
    }
  });

  it("knows every relation through which a sealed model can be written nested", () => {
    for (const [model, body] of models) {
      for (const f of fieldsOf(body)) {
        const target = f[1]!.replace(/[[\]?]/g, "");
        if (SEALED_FIELDS[target]) expect(NESTED[model]?.[f[0]!], `${model}.${f[0]} -> ${target}`).toBe(target);
      }
    }
  });

  it("seals a nested create of steps under a goal", () => {
    const ring = parseKeyring(K1);
    const goal = sealData(ring, "Goal", { clientId: "c", text: "werk", steps: { create: [{ what: "brief sturen", helper: "Kees" }] } }) as {
      text: string;
      steps: { create: { what: string; helper: string }[] };
    };
    expect(isSealed(goal.text)).toBe(true);
    expect(isSealed(goal.steps.create[0]!.what)).toBe(true);
    expect(isSealed(goal.steps.create[0]!.helper)).toBe(true);
  });
});
