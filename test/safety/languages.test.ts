// The crisis words of the other languages clients mix into their Dutch (rules-languages.ts), and
// a known danger at the door (danger.known-danger-here): typed as clients type them, accents and
// all, and read through the normaliser like any other message.
import { describe, expect, it } from "vitest";
import { crisisDoubt, detectCrisis } from "../../src/domain/safety/detect.js";
import { normalise } from "../../src/domain/safety/normalise.js";
import type { CrisisCategory } from "../../src/domain/safety/index.js";

describe("crisis words in other languages", () => {
  it.each<[CrisisCategory, string]>([
    ["suicide", "chcę umrzeć"],
    ["suicide", "nie chcę już żyć"],
    ["suicide", "zabiję się dzisiaj"],
    ["violence", "mój mąż mnie bije"],
    ["selfharm", "pocięłam się znowu"],
    ["overdose", "połknęłam wszystkie tabletki"],
    ["sexual", "zgwałcił mnie"],
    ["suicide", "ölmek istiyorum"],
    ["suicide", "kendimi öldüreceğim"],
    ["suicide", "artık yaşamak istemiyorum"],
    ["violence", "kocam beni dövüyor"],
    ["overdose", "bütün ilaçları içtim"],
    ["sexual", "bana tecavüz etti"],
    ["selfharm", "kendimi kestim yine"],
    ["suicide", "bghit nmout"],
    ["violence", "rajli kaydrebni kol nhar"],
    ["suicide", "mi ke muri"],
    ["suicide", "mi no ke biba mas"],
    ["violence", "e ta bati mi"],
    ["suicide", "mi no wani libi moro"],
    ["suicide", "ik ben zo moe, ölmek istiyorum gewoon"],
  ])("%s: %s", (category, text) => {
    expect(detectCrisis(text)?.categories).toContain(category);
  });

  it.each(["nie chcę umrzeć", "mama mnie zabije jak się dowie", "annem beni öldürecek şaka"])("no alarm on a denial or a joke: %s", (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  it("reads letters without an accent to take off as their plain letters", () => {
    expect(normalise("zgwałcił").join(" ")).toBe("zgwalcil");
    expect(normalise("ilaçları").join(" ")).toBe("ilaclari");
  });
});

describe("someone known to be a danger, here", () => {
  it.each(["mijn ex staat voor de deur", "ex is hier", "mijn stalker staat buiten", "de man die me sloeg staat beneden", "mijn exman staat op de stoep te schreeuwen", "my ex is outside"])(
    "an alarm, danger now: %s",
    (text) => {
      expect(detectCrisis(text)).toMatchObject({ category: "danger", acute: true });
    },
  );

  it.each(["hij komt zo thuis", "mijn ex komt zo de kinderen halen", "mijn ex komt eraan om de kinderen te brengen", "mijn ex staat beneden met de kinderen"])("no alarm on a visit: %s", (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  it("asks, does not alarm, on someone neutral here or on a visit that is over", () => {
    expect(detectCrisis("hij is hier")).toBeNull();
    expect(crisisDoubt("hij is hier")?.category).toBe("danger");
    expect(detectCrisis("mijn ex is hier geweest gisteren")).toBeNull();
  });
});
