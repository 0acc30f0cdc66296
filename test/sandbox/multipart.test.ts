import { describe, expect, it } from "vitest";
import { parseMultipart, sniffType } from "../../src/sandbox/multipart.js";

/** A multipart/form-data body with CRLF line ends, as a client library writes it. */
function body(boundary: string, parts: { headers: string[]; body: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join("\r\n")}\r\n\r\n`));
    chunks.push(typeof p.body === "string" ? Buffer.from(p.body) : p.body);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe("parseMultipart", () => {
  it("reads fields and files, with quoted and unquoted names (grammY writes filename=a.png)", () => {
    const raw = body("XyZ", [
      { headers: ['Content-Disposition: form-data; name="chat_id"'], body: "42" },
      { headers: ["Content-Disposition: form-data; name=photo; filename=a.png", "Content-Type: image/png"], body: Buffer.from([0x89, 0x50, 0x0d, 0x0a]) },
    ]);
    const parts = parseMultipart(raw, "multipart/form-data; boundary=XyZ");
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual({ name: "chat_id", body: Buffer.from("42") });
    expect(parts[1]?.name).toBe("photo");
    expect(parts[1]?.filename).toBe("a.png");
    expect(parts[1]?.type).toBe("image/png");
    // Binary bodies are kept byte for byte, a CR LF inside them included.
    expect(parts[1]?.body.equals(Buffer.from([0x89, 0x50, 0x0d, 0x0a]))).toBe(true);
  });

  it("takes a quoted boundary and a boundary followed by more parameters", () => {
    const raw = body("a b", [{ headers: ['content-disposition: form-data; name="x"'], body: "1" }]);
    expect(parseMultipart(raw, 'multipart/form-data; boundary="a b"')).toEqual([{ name: "x", body: Buffer.from("1") }]);
    const raw2 = body("B1", [{ headers: ['Content-Disposition: form-data; name="y"'], body: "" }]);
    expect(parseMultipart(raw2, "multipart/form-data; boundary=B1; charset=utf-8")).toEqual([{ name: "y", body: Buffer.alloc(0) }]);
  });

  it("keeps an empty quoted filename as an empty string", () => {
    const raw = body("B", [{ headers: ['Content-Disposition: form-data; name="doc"; filename=""'], body: "z" }]);
    expect(parseMultipart(raw, "multipart/form-data; boundary=B")).toEqual([{ name: "doc", filename: "", body: Buffer.from("z") }]);
  });

  it("skips a part without a name and a part without a header block", () => {
    const raw = Buffer.concat([
      Buffer.from("--B\r\nContent-Type: text/plain\r\n\r\nno name\r\n"),
      Buffer.from("--B\r\nno headers at all\r\n"),
      Buffer.from('--B\r\nContent-Disposition: form-data; name="ok"\r\n\r\nyes\r\n--B--'),
    ]);
    expect(parseMultipart(raw, "multipart/form-data; boundary=B")).toEqual([{ name: "ok", body: Buffer.from("yes") }]);
  });

  it("stops at a body cut off before the closing delimiter, keeping the whole parts before it", () => {
    const raw = Buffer.from('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name="b"\r\n\r\ncut');
    expect(parseMultipart(raw, "multipart/form-data; boundary=B")).toEqual([{ name: "a", body: Buffer.from("1") }]);
  });

  it("gives no parts for an empty body or one without the boundary", () => {
    expect(parseMultipart(Buffer.alloc(0), "multipart/form-data; boundary=B")).toEqual([]);
    expect(parseMultipart(Buffer.from("just text"), "multipart/form-data; boundary=B")).toEqual([]);
  });

  it("throws when the content type has no boundary", () => {
    expect(() => parseMultipart(Buffer.from("--B--"), "multipart/form-data")).toThrow("multipart/form-data without a boundary");
  });
});

describe("sniffType", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

  it("knows PNG, JPEG, GIF, WebP and SVG from their first bytes, whatever the upload said", () => {
    expect(sniffType(png, "application/octet-stream")).toBe("image/png");
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), undefined)).toBe("image/jpeg");
    expect(sniffType(Buffer.from("GIF89a..."), "text/plain")).toBe("image/gif");
    expect(sniffType(Buffer.concat([Buffer.from("RIFF"), Buffer.from([1, 2, 3, 4]), Buffer.from("WEBPVP8 ")]), undefined)).toBe("image/webp");
    expect(sniffType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined)).toBe("image/svg+xml");
    expect(sniffType(Buffer.from("  <svg>"), undefined)).toBe("image/svg+xml");
  });

  it("does not take a near miss for an image", () => {
    // A PNG signature cut short, RIFF that is not WebP (a WAV file), "<svgx" is no svg element.
    expect(sniffType(png.subarray(0, 7), undefined)).toBe("application/octet-stream");
    expect(sniffType(Buffer.concat([Buffer.from("RIFF"), Buffer.from([1, 2, 3, 4]), Buffer.from("WAVE")]), "audio/wav")).toBe("audio/wav");
    expect(sniffType(Buffer.from("<svgx>"), undefined)).toBe("application/octet-stream");
    expect(sniffType(Buffer.from([0xff, 0xd8]), undefined)).toBe("application/octet-stream");
  });

  it("falls back to the given type, trimmed, or to application/octet-stream", () => {
    expect(sniffType(Buffer.from("%PDF-1.7"), " application/pdf ")).toBe("application/pdf");
    expect(sniffType(Buffer.from("%PDF-1.7"), "   ")).toBe("application/octet-stream");
    expect(sniffType(Buffer.alloc(0), undefined)).toBe("application/octet-stream");
  });
});
