/**
 * What the sandbox's fakes need of HTTP bodies with files: multipart/form-data as Telegram and
 * Slack read it, and an image's type from its first bytes (uploads often say only
 * application/octet-stream).
 */

/** A part of a multipart/form-data body. */
interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: Buffer;
}

/**
 * multipart/form-data as Telegram reads it. Not undici's `Request.formData()`: grammY writes
 * `filename=a.png` without quotes, which Telegram takes and undici refuses.
 */
export function parseMultipart(raw: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart/form-data without a boundary");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2] ?? ""}`);
  const parts: Part[] = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Between "\r\n" after the delimiter and the "\r\n" before the next one.
    const chunk = raw.subarray(start + 2, next - 2);
    const split = chunk.indexOf("\r\n\r\n");
    if (split >= 0) {
      const headers = chunk.subarray(0, split).toString("utf8");
      const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? "";
      const param = (key: string) => new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\s]*))`, "i").exec(disposition);
      const name = param("name");
      const filename = param("filename");
      const type = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim();
      if (name) {
        parts.push({
          name: name[1] ?? name[2] ?? "",
          ...(filename ? { filename: filename[1] ?? filename[2] ?? "" } : {}),
          ...(type ? { type } : {}),
          body: chunk.subarray(split + 4),
        });
      }
    }
    at = next;
  }
  return parts;
}

/** The image type of these bytes (PNG, JPEG, GIF, WebP, SVG), else the given type. */
export function sniffType(bytes: Buffer, given: string | undefined): string {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "GIF8") return "image/gif";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(bytes.subarray(0, 256).toString("utf8"))) return "image/svg+xml";
  return given?.trim() || "application/octet-stream";
}
