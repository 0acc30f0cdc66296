import { describe, expect, it } from "vitest";
import { applyEffects } from "../../../src/domain/effects.js";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import { futureDay } from "../../../src/domain/referrals/out.js";
import { createTranslator } from "../../../src/i18n.js";
import { createSlackTranslator } from "../../../src/i18n-slack.js";
import { ReferralRefused } from "../../../src/domain/referrals/types.js";
import { backends, useDb } from "../../support/db.js";
import { buttonData, message, outDraft, referralWorld, slackJobs, telegramFor, type ReferralWorld } from "../referrals-world.js";

async function filedAndConsented(w: ReferralWorld) {
  const { referral, asked } = await w.service.fileOut(w.coach, outDraft(w));
  expect(asked).toBe(true);
  const question = await telegramFor(w.db, w.client.id);
  await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(question, "yes") }));
  return referral.id;
}

async function refusal(p: Promise<unknown>): Promise<ReferralRefused> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof ReferralRefused)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

describe.each(backends)("referral out on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("asks the client first; the partner gets nothing before consent", async () => {
    const w = await referralWorld(await freshDb());
    const { referral } = await w.service.fileOut(w.coach, outDraft(w));
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(stateOf(row)).toBe("awaitingConsent");
    expect(row.status).toBe("on-hold");
    const question = await telegramFor(w.db, w.client.id);
    expect(question.map((m) => m.key)).toEqual(["referralConsent.intro", "referralConsent.why", "referralConsent.together", "referralConsent.list"]);
    expect(question[3]?.vars?.list).toBe("• je naam: Samira\n• je telefoonnummer: 06 1234 5678\n• je doel: Rust in mijn hoofd over geld");
    expect(await slackJobs(w.db, referral.id)).toEqual([]);
  });

  it.runIf(available)("records consent with the items and text version, then sends the card and tells the coach", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect([stateOf(row), row.status, row.consentedItems]).toEqual(["sent", "requested", ["name", "phone", "goal"]]);
    const consent = await w.db.prisma.consentRecord.findFirstOrThrow({ where: { subject: `referral:${id}` } });
    expect([consent.decision, consent.items, consent.textVersion]).toEqual(["GIVEN", ["name", "phone", "goal"], "referralConsent@1"]);
    const [job] = await slackJobs(w.db, id);
    expect(job?.card).toBe(true);
    expect(job?.thread?.key).toBe("referral.thread.client.consented");
    expect(job?.dms).toEqual([{ memberId: w.coach.id, line: expect.objectContaining({ key: "referral.dm.out.consented" }) }]);
  });

  it.runIf(available)("a decline goes back to the coach, and the partner never sees a card", async () => {
    const w = await referralWorld(await freshDb());
    const { referral } = await w.service.fileOut(w.coach, outDraft(w));
    await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(w.db, w.client.id), "no") }));
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([stateOf(row), row.status]).toEqual(["declinedByClient", "cancelled"]);
    const jobs = await slackJobs(w.db, referral.id);
    expect(jobs.map((j) => [j.card, j.thread, j.dms.map((d) => d.line.key)])).toEqual([[false, undefined, ["referral.dm.out.declined"]]]);
  });

  it.runIf(available)("partner steps reach the coach and, when it concerns them, the client", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    await telegramFor(w.db, w.client.id);
    await w.service.act(w.partnerMember, id, { type: "partner.received" });
    await w.service.act(w.partnerBackup, id, { type: "partner.accepted" });
    await w.service.act(w.partnerMember, id, { type: "partner.planned", at: "2027-03-12T09:30:00.000Z", place: "Stadhuis, loket 3" });
    const news = await telegramFor(w.db, w.client.id);
    expect(news.map((m) => m.key)).toEqual(["referralNews.accepted", "referralNews.planned"]);
    expect(news[1]?.vars).toMatchObject({ when: "2027-03-12T09:30:00.000Z", place: "Stadhuis, loket 3" });
    const texts = createTranslator();
    expect(texts.t("nl", "referralNews.planned", news[1]?.vars)).toContain("Wanneer: vrijdag 12 maart om 10:30\nWaar: Stadhuis, loket 3");
    expect(texts.t("en", "referralNews.planned", news[1]?.vars)).toContain("When: Friday 12 March at 10:30\nWhere: Stadhuis, loket 3");
    const lines = (await slackJobs(w.db, id)).flatMap((j) => j.dms.map((d) => d.line));
    const dms = lines.map((l) => l.key);
    expect(dms).toEqual(["referral.dm.out.consented", "referral.dm.out.received", "referral.dm.out.accepted", "referral.dm.out.planned"]);
    expect(createSlackTranslator("nl")("referral.dm.out.planned", lines[3]?.vars)).toMatch(/: vrijdag 12 maart om 10:30, Stadhuis, loket 3\.$/);
    expect(createSlackTranslator("en")("referral.dm.out.planned", lines[3]?.vars)).toMatch(/: Friday 12 March at 10:30, Stadhuis, loket 3\.$/);
    const audits = await w.db.prisma.auditEvent.findMany({ where: { referralId: id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["referral.filed", "referral.partner.received", "referral.partner.accepted", "referral.partner.planned"]);
  });

  it.runIf(available)("two people pressing accept at once change the state once", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    const results = await Promise.allSettled([
      w.service.act(w.partnerMember, id, { type: "partner.accepted" }),
      w.service.act(w.partnerBackup, id, { type: "partner.accepted" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected?.reason as ReferralRefused).reason).toBe("notNow");
    expect(await w.db.prisma.referralEvent.count({ where: { referralId: id, type: "partner.accepted" } })).toBe(1);
    expect(await w.db.prisma.auditEvent.count({ where: { referralId: id, action: "referral.refused" } })).toBe(1);
  });

  it.runIf(available)("refuses the wrong organisation, an unknown id and a closed referral, changing nothing", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    expect((await refusal(w.service.act(w.otherMember, id, { type: "partner.accepted" }))).reason).toBe("forbidden");
    expect((await refusal(w.service.act(w.coach, id, { type: "partner.accepted" }))).reason).toBe("forbidden");
    expect((await refusal(w.service.act(w.partnerMember, "7c0e8a2e-0000-4000-8000-000000000000", { type: "partner.accepted" }))).reason).toBe("unknown");
    expect((await refusal(w.service.act(w.partnerMember, "'; DROP TABLE", { type: "partner.accepted" }))).reason).toBe("unknown");
    await w.service.act(w.partnerMember, id, { type: "partner.rejected", reason: "Geen plek" });
    expect((await refusal(w.service.act(w.partnerMember, id, { type: "partner.accepted" }))).reason).toBe("notNow");
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(stateOf(row)).toBe("rejected");
    expect(await w.db.prisma.auditEvent.count({ where: { action: "referral.refused" } })).toBe(5);
  });

  it.runIf(available)("/verwijzingen lets the client withdraw consent: the referral is cancelled and the card hides the items", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    await w.service.act(w.partnerMember, id, { type: "partner.accepted" });
    await telegramFor(w.db, w.client.id);
    await w.engine.handle(message(w.chatId, { kind: "command", command: "verwijzingen", args: "" }));
    const list = await telegramFor(w.db, w.client.id);
    expect(list.map((m) => m.key)).toEqual(["referralList.intro", "referralList.state.accepted", "referralList.ask"]);
    await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(list, "r1") }));
    await w.engine.handle(message(w.chatId, { kind: "button", data: buttonData(await telegramFor(w.db, w.client.id), "yes") }));
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect([stateOf(row), row.status, row.consentWithdrawnAt !== null]).toEqual(["consentWithdrawn", "cancelled", true]);
    expect(await w.db.prisma.consentRecord.count({ where: { subject: `referral:${id}`, decision: "WITHDRAWN" } })).toBe(1);
    const last = (await slackJobs(w.db, id)).at(-1);
    expect([last?.card, last?.thread?.key, last?.dms[0]?.line.key]).toEqual([true, "referral.thread.client.withdrewConsent", "referral.dm.out.withdrawn"]);
  });

  it.runIf(available)("tells the coach of a withdrawal only when consent was really withdrawn", async () => {
    const w = await referralWorld(await freshDb());
    const id = await filedAndConsented(w);
    const client = await w.db.prisma.client.findUniqueOrThrow({ where: { id: w.client.id } });
    const withdraw = (referralId: string) =>
      w.db.prisma.$transaction((tx) => applyEffects(tx, client, [{ kind: "referralWithdraw", referralId }], { now: new Date("2027-03-10T10:00:00.000Z"), key: "test" }));
    const withdrawnNudges = () => w.db.prisma.nudge.findMany({ where: { clientId: w.client.id, cause: "consent_withdrawn" } });
    await withdraw("00000000-0000-4000-8000-000000000000");
    expect(await withdrawnNudges()).toEqual([]);
    await withdraw(id);
    const [first, ...more] = await withdrawnNudges();
    expect([first?.status, more.length]).toEqual(["OPEN", 0]);
    await w.db.prisma.nudge.update({ where: { id: first!.id }, data: { status: "DONE", closedAt: new Date() } });
    await withdraw(id);
    expect((await withdrawnNudges()).map((n) => n.status)).toEqual(["DONE"]);
    expect(await w.db.prisma.consentRecord.count({ where: { subject: `referral:${id}`, decision: "WITHDRAWN" } })).toBe(1);
  });

  it.runIf(available)("checks the filing like the modal: own caseload, phone, past date, goal", async () => {
    const w = await referralWorld(await freshDb());
    const fieldOf = async (over: Record<string, unknown>, by = w.coach) => (await refusal(w.service.fileOut(by, outDraft(w, over)))).field;
    expect(await fieldOf({}, w.colleague)).toBe("client");
    expect(await fieldOf({ phone: "" })).toBe("phone");
    expect(await fieldOf({ wishedDate: "2027-03-09" })).toBe("date");
    expect(await fieldOf({ items: [] })).toBe("items");
    expect(await fieldOf({ need: "x".repeat(1001) })).toBe("need");
    expect(await fieldOf({ partnerOrgId: w.team.id })).toBe("partner");
    await w.db.prisma.goal.updateMany({ where: { clientId: w.client.id }, data: { status: "DROPPED" } });
    expect(await fieldOf({})).toBe("items");
    expect(await w.db.prisma.referral.count()).toBe(0);
  });
});

describe("futureDay", () => {
  const now = new Date("2027-01-10T10:00:00.000Z");
  const code = (value: string) => {
    try {
      futureDay(value, "date", now);
      return "ok";
    } catch (err) {
      return err instanceof ReferralRefused ? err.message : String(err);
    }
  };

  it("takes a real day from today on", () => {
    expect(futureDay("2027-01-10", "date", now)).toBe("2027-01-10");
    expect(futureDay("2028-02-29", "date", now)).toBe("2028-02-29");
  });

  it("refuses a day that does not exist, which the date parser would roll into the next month", () => {
    for (const day of ["2027-02-29", "2027-02-30", "2027-02-31", "2027-04-31", "2027-13-01", "2027-00-10", "2027-1-5", "morgen"]) expect(code(day), day).toBe("referral.error.date");
  });

  it("refuses a day in the past", () => {
    expect(code("2027-01-09")).toBe("referral.error.pastDate");
  });
});
