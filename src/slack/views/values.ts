import type { ViewOutput } from "@slack/bolt";

/** Reads a submitted modal's inputs by block id (every input's action id is "v"). */
export function readView(view: ViewOutput) {
  const at = (block: string) => view.state.values[block]?.["v"];
  return {
    text: (block: string) => at(block)?.value ?? "",
    selected: (block: string) => at(block)?.selected_option?.value ?? "",
    checked: (block: string) => (at(block)?.selected_options ?? []).map((o) => o.value),
    date: (block: string) => at(block)?.selected_date ?? "",
    time: (block: string) => at(block)?.selected_time ?? "",
    /** The modal's private metadata, which we wrote ourselves when opening it (checked again anyway). */
    meta: (): Record<string, string | undefined> => {
      try {
        const parsed: unknown = JSON.parse(view.private_metadata || "{}");
        return parsed && typeof parsed === "object" ? (parsed as Record<string, string | undefined>) : {};
      } catch {
        return {};
      }
    },
  };
}
