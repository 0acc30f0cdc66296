import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFileStore } from "../../src/sandbox/files.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "koers-files-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `store-${++n}`, "nested");

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("the sandbox's file store", () => {
  it("creates its folder and keeps the bytes, the name and the type", () => {
    const dir = freshDir();
    const store = createFileStore(dir, "tg-");
    expect(fs.existsSync(dir)).toBe(true);
    const put = store.put(Buffer.from('{"a":1}'), "mijn-gegevens.json", "application/json");
    expect(put).toMatchObject({ name: "mijn-gegevens.json", mime: "application/json" });
    expect(put.id).toMatch(/^tg-[A-Za-z0-9_-]{12}$/);
    expect(store.has(put.id)).toBe(true);
    expect(store.get(put.id)).toEqual({ name: "mijn-gegevens.json", mime: "application/json", bytes: Buffer.from('{"a":1}') });
  });

  it("takes an image's type from its bytes, whatever type was given", () => {
    const store = createFileStore(freshDir(), "x");
    expect(store.put(PNG, "chart", "application/octet-stream").mime).toBe("image/png");
    expect(store.put(Buffer.from("plain"), "a.txt").mime).toBe("application/octet-stream");
  });

  it("a file without a name is called 'file'", () => {
    const store = createFileStore(freshDir(), "x");
    expect(store.put(Buffer.from("x"), "").name).toBe("file");
  });

  it("keeps a chosen id when it is safe, and makes a new one when it is not", () => {
    const store = createFileStore(freshDir(), "sl-");
    expect(store.put(Buffer.from("x"), "a", undefined, "F0123_abc-D").id).toBe("F0123_abc-D");
    for (const bad of ["../escape", "a/b", "", "x".repeat(65), "a.json", "a b"]) {
      const id = store.put(Buffer.from("x"), "a", undefined, bad).id;
      expect(id, bad).toMatch(/^sl-/);
    }
    expect(fs.existsSync(path.join(root, "escape"))).toBe(false);
  });

  it("ids are different each time", () => {
    const store = createFileStore(freshDir(), "x");
    const ids = new Set(Array.from({ length: 50 }, () => store.put(Buffer.from("x"), "a").id));
    expect(ids.size).toBe(50);
  });

  it("a restarted store on the same folder still has the files", () => {
    const dir = freshDir();
    const { id } = createFileStore(dir, "x").put(PNG, "chart.png");
    const again = createFileStore(dir, "x");
    expect(again.has(id)).toBe(true);
    expect(again.get(id)?.bytes.equals(PNG)).toBe(true);
  });

  it("an unknown or unsafe id has nothing, and never reads outside the folder", () => {
    const dir = freshDir();
    const store = createFileStore(dir, "x");
    fs.writeFileSync(path.join(dir, "..", "secret"), "s");
    fs.writeFileSync(path.join(dir, "..", "secret.json"), JSON.stringify({ mime: "text/plain", name: "secret" }));
    for (const id of ["nope", "../secret", "..%2Fsecret", "", "x".repeat(65)]) {
      expect(store.has(id), id).toBe(false);
      expect(store.get(id), id).toBeUndefined();
    }
  });
});
