import { describe, expect, it } from "vitest";
import { createTranslator, LANGUAGES, toLanguage } from "../src/i18n.js";

describe("toLanguage", () => {
  it("keeps a language we have", () => {
    expect(LANGUAGES).toEqual(["nl", "en"]);
    expect(toLanguage("nl")).toBe("nl");
    expect(toLanguage("en")).toBe("en");
  });

  it("falls back to Dutch for anything else, regional codes and other cases included", () => {
    for (const code of ["de", "en-GB", "EN", "", " en", null, undefined]) expect(toLanguage(code), String(code)).toBe("nl");
  });
});

describe("createTranslator", () => {
  const t = createTranslator();

  it("translates in the client's language, and in Dutch for a language we do not have", () => {
    expect(t.t("nl", "chart.altSteps")).toBe("De oranje strepen zijn de dagen van je stappen.");
    expect(t.t("en", "chart.altSteps")).toBe("The orange lines are the days of your steps.");
    expect(t.t("fr", "chart.altSteps")).toBe("De oranje strepen zijn de dagen van je stappen.");
    expect(t.t("en-US", "chart.altSteps")).toBe("De oranje strepen zijn de dagen van je stappen.");
  });

  it("fills in vars, without HTML escaping (Telegram gets plain text)", () => {
    expect(t.t("en", "reminders.flow.rhythmNow.days", { count: 3 })).toBe("Every 3 days I ask how you are doing.");
    expect(t.t("nl", "reminders.flow.rhythmNow.days", { count: 1 })).toBe("Elke dag vraag ik hoe het gaat.");
    const withName = t.t("nl", "start.welcomeBack", { name: "<Sam & Co>" });
    expect(withName).toContain("<Sam & Co>");
    expect(withName).not.toContain("&lt;");
  });

  it("gives an unknown key back as it is", () => {
    expect(t.t("nl", "no.such.key")).toBe("no.such.key");
  });

  it("has() knows plain keys and keys with plural forms, not sections or unknown keys", () => {
    expect(t.has("chart.altSteps")).toBe(true);
    expect(t.has("reminders.flow.rhythmNow.days")).toBe(true);
    expect(t.has("no.such.key")).toBe(false);
    expect(t.has("")).toBe(false);
  });

  it("does not change the language of another translator", () => {
    const other = createTranslator();
    expect(other.t("en", "chart.altSteps")).toBe("The orange lines are the days of your steps.");
    expect(t.t("nl", "chart.altSteps")).toBe("De oranje strepen zijn de dagen van je stappen.");
  });
});
