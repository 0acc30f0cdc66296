import type { ViewOutput } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { readView } from "../../../src/slack/views/values.js";

/** A submitted modal as Slack sends it: every input's state under its block id and action id "v". */
const view = (values: unknown, privateMetadata: unknown = "") => ({ id: "V1", callback_id: "x", private_metadata: privateMetadata, state: { values } }) as unknown as ViewOutput;

describe("readView", () => {
  const v = readView(
    view({
      need: { v: { type: "plain_text_input", value: "Hulp bij werk" } },
      partner: { v: { type: "external_select", selected_option: { value: "org-1", text: { type: "plain_text", text: "Werkpunt" } } } },
      items: { v: { type: "checkboxes", selected_options: [{ value: "name" }, { value: "goal" }] } },
      date: { v: { type: "datepicker", selected_date: "2026-03-04" } },
      time: { v: { type: "timepicker", selected_time: "09:30" } },
    }, JSON.stringify({ referralId: "r-1", channel: "C1" })),
  );

  it("reads each kind of input by its block id", () => {
    expect(v.text("need")).toBe("Hulp bij werk");
    expect(v.selected("partner")).toBe("org-1");
    expect(v.checked("items")).toEqual(["name", "goal"]);
    expect(v.date("date")).toBe("2026-03-04");
    expect(v.time("time")).toBe("09:30");
    expect(v.meta()).toEqual({ referralId: "r-1", channel: "C1" });
  });

  it("reads a block that is not there, or of another kind, as empty", () => {
    expect(v.text("nothing")).toBe("");
    expect(v.selected("need")).toBe("");
    expect(v.checked("need")).toEqual([]);
    expect(v.date("need")).toBe("");
    expect(v.text("partner")).toBe("");
  });

  it("reads an input left empty (a null selection) as empty", () => {
    const empty = readView(view({ partner: { v: { selected_option: null } }, items: { v: { selected_options: null } }, need: { v: { value: null } } }));
    expect(empty.selected("partner")).toBe("");
    expect(empty.checked("items")).toEqual([]);
    expect(empty.text("need")).toBe("");
  });

  it("turns every forged value that is no string into an empty string", () => {
    const forged = readView(
      view({
        need: { v: { value: { $ne: 1 } } },
        partner: { v: { selected_option: { value: 42 } } },
        items: { v: { selected_options: [{ value: "name" }, { value: ["x"] }] } },
        date: { v: { selected_date: 20260304 } },
      }),
    );
    expect(forged.text("need")).toBe("");
    expect(forged.selected("partner")).toBe("");
    expect(forged.checked("items")).toEqual(["name", ""]);
    expect(forged.date("date")).toBe("");
  });

  it("ignores an input whose shape is wrong altogether", () => {
    const forged = readView(view({ items: { v: { selected_options: "name" } }, partner: { v: { selected_option: "org-1" } }, need: "text" }));
    expect(forged.checked("items")).toEqual([]);
    expect(forged.selected("partner")).toBe("");
    expect(forged.text("need")).toBe("");
  });

  it("refuses more than 20 selected options as a whole", () => {
    const many = readView(view({ items: { v: { selected_options: Array.from({ length: 21 }, (_, i) => ({ value: `o${i}` })) } } }));
    expect(many.checked("items")).toEqual([]);
  });

  it("cuts long values: text at 10,000, choices at 200, a date or time at 20", () => {
    const long = readView(view({ need: { v: { value: "a".repeat(20_000) } }, partner: { v: { selected_option: { value: "b".repeat(500) } } }, items: { v: { selected_options: [{ value: "c".repeat(500) }] } }, date: { v: { selected_date: "d".repeat(50) } }, time: { v: { selected_time: "e".repeat(50) } } }));
    expect(long.text("need")).toHaveLength(10_000);
    expect(long.selected("partner")).toHaveLength(200);
    expect(long.checked("items")[0]).toHaveLength(200);
    expect(long.date("date")).toHaveLength(20);
    expect(long.time("time")).toHaveLength(20);
  });

  it("reads a view without state as empty", () => {
    const bare = readView({ id: "V1" } as unknown as ViewOutput);
    expect(bare.text("need")).toBe("");
    expect(bare.meta()).toEqual({});
  });

  it("keeps only the short string values of the metadata", () => {
    const meta = readView(view({}, JSON.stringify({ referralId: "r".repeat(300), n: 1, nested: { a: "b" }, event: "partner.rejected" }))).meta();
    expect(meta).toEqual({ referralId: "r".repeat(200), event: "partner.rejected" });
  });

  it("reads metadata that is no JSON object, or no JSON at all, as empty", () => {
    expect(readView(view({}, "not json")).meta()).toEqual({});
    expect(readView(view({}, "[1,2]")).meta()).toEqual({});
    expect(readView(view({}, '"text"')).meta()).toEqual({});
    expect(readView(view({}, "null")).meta()).toEqual({});
    expect(readView(view({}, 17)).meta()).toEqual({});
  });

  it("reads no more than 3000 characters of metadata", () => {
    const big = JSON.stringify({ referralId: "r-1", pad: "x".repeat(3000) });
    expect(readView(view({}, big)).meta()).toEqual({});
  });
});
