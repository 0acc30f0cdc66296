/**
 * The files the service sent through the fakes (Telegram photos and documents, Slack uploads),
 * kept next to the sandbox's database so a restarted sandbox still shows them. The page gets them
 * from /sandbox/api/file?id=.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sniffType } from "./multipart.js";

export interface StoredFile {
  bytes: Buffer;
  mime: string;
  name: string;
}

export interface FileStore {
  /** Keeps the bytes; the type is taken from the bytes when they are an image. */
  put(bytes: Buffer, name: string, mime?: string, id?: string): { id: string } & Omit<StoredFile, "bytes">;
  get(id: string): StoredFile | undefined;
  has(id: string): boolean;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function createFileStore(dir: string, prefix: string): FileStore {
  fs.mkdirSync(dir, { recursive: true });
  const at = (id: string) => path.join(dir, id);
  const get = (id: string): StoredFile | undefined => {
    if (!ID.test(id) || !fs.existsSync(`${at(id)}.json`)) return undefined;
    const meta = JSON.parse(fs.readFileSync(`${at(id)}.json`, "utf8")) as { mime: string; name: string };
    return { ...meta, bytes: fs.readFileSync(at(id)) };
  };
  return {
    put(bytes, name, mime, chosen) {
      const id = chosen && ID.test(chosen) ? chosen : `${prefix}${randomBytes(9).toString("base64url")}`;
      const meta = { mime: sniffType(bytes, mime), name: name || "file" };
      fs.writeFileSync(at(id), bytes);
      fs.writeFileSync(`${at(id)}.json`, JSON.stringify(meta));
      return { id, ...meta };
    },
    get,
    has: (id) => ID.test(id) && fs.existsSync(`${at(id)}.json`),
  };
}
