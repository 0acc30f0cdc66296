import type { ViewOutput } from "@slack/bolt";
import { z } from "zod";

const str = (v: unknown, max = 10_000): string => (typeof v === "string" ? v.slice(0, max) : "");

/** One input's state as Slack sends it; anything of another shape reads as empty. */
const elementSchema = z
  .object({
    value: z.unknown(),
    selected_option: z.object({ value: z.unknown() }).nullish(),
    selected_options: z.array(z.object({ value: z.unknown() })).max(20).nullish(),
    selected_date: z.unknown(),
    selected_time: z.unknown(),
  })
  .partial();

/** Our private metadata: a few short string values, written by us when the modal opened. */
const metaSchema = z.record(z.string(), z.unknown()).transform((o) => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[k, v.slice(0, 200)]] : []))) as Record<string, string | undefined>);

/**
 * Reads a submitted modal's inputs by block id (every input's action id is "v"). A forged
 * submission may send anything: every value comes out as a string (empty when it was not one).
 */
export function readView(view: ViewOutput) {
  const values = (view as { state?: { values?: unknown } }).state?.values;
  const at = (block: string) => {
    const raw = values && typeof values === "object" ? (values as Record<string, Record<string, unknown> | undefined>)[block]?.["v"] : undefined;
    const parsed = elementSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    text: (block: string) => str(at(block)?.value),
    selected: (block: string) => str(at(block)?.selected_option?.value, 200),
    checked: (block: string) => (at(block)?.selected_options ?? []).map((o) => str(o.value, 200)),
    date: (block: string) => str(at(block)?.selected_date, 20),
    time: (block: string) => str(at(block)?.selected_time, 20),
    /** The modal's private metadata, which we wrote ourselves when opening it (checked again anyway). */
    meta: (): Record<string, string | undefined> => {
      try {
        const parsed = metaSchema.safeParse(JSON.parse(str(view.private_metadata, 3000) || "{}"));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
  };
}
