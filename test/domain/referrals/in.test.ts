import { describe, expect, it } from "vitest";
import { stateOf } from "../../../src/domain/referrals/lifecycle.js";
import type { ReferralRefused } from "../../../src/domain/referrals/types.js";
import { backends, useDb } from "../../support/db.js";
import { inDraft, message, referralWorld, slackJobs, telegramFor, type ReferralWorld } from "../referrals-world.js";

const dmKeys = async (w: ReferralWorld, id: string) => (await slackJobs(w.db, id)).flatMap((j) => j.dms.map((d) => `${d.memberId === w.partnerMember.id ? "referrer" : "coach"}:${d.line.key}`));

describe.each(backends)("referral in on %s", (_name, fresh, available) => {
  const freshDb = useDb(fresh);

  it.runIf(available)("filed by a partner: a card for the team and a receipt for the referrer", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    expect([stateOf(referral), referral.status, referral.direction]).toEqual(["filed", "requested", "IN"]);
    const [job] = await slackJobs(w.db, referral.id);
    expect(job?.card).toBe(true);
    expect(job?.dms).toEqual([{ memberId: w.partnerMember.id, line: { key: "referral.dm.in.received", vars: expect.objectContaining({ team: w.team.name }) } }]);
  });

  it.runIf(available)("accepted with a coach: an invited client, a one-time code, and the referrer hears it and nothing else", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    const accepted = await w.service.accept(w.colleague, referral.id, w.coach.id);
    const client = await w.db.prisma.client.findUniqueOrThrow({ where: { id: accepted.invite.clientId } });
    expect([client.name, client.coachId, client.status]).toEqual(["Jan de Vries", w.coach.id, "INVITED"]);
    expect(stateOf(accepted.applied.referral)).toBe("invited");
    expect(accepted.applied.referral.status).toBe("in-progress");
    // The code is returned for the coach's direct message only: the outbox never holds it.
    const jobs = await w.db.prisma.job.findMany();
    expect(JSON.stringify(jobs.map((j) => j.payload))).not.toContain(accepted.invite.code);
    expect(await dmKeys(w, referral.id)).toEqual(["referrer:referral.dm.in.received", "referrer:referral.dm.in.accepted"]);
  });

  it.runIf(available)("the person starts the bot with the link: first contact made, the referrer and the coach hear it", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    const { invite } = await w.service.accept(w.coach, referral.id, w.coach.id);
    await w.engine.handle(message(991_001, { kind: "command", command: "start", args: invite.code }));
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([stateOf(row), row.status]).toEqual(["contactMade", "completed"]);
    expect(await dmKeys(w, referral.id)).toEqual([
      "referrer:referral.dm.in.received", "referrer:referral.dm.in.accepted", "referrer:referral.dm.in.contactMade", "coach:referral.dm.in.started",
    ]);
    expect((await telegramFor(w.db, invite.clientId))[0]?.key).toBe("onboarding.welcome");
  });

  it.runIf(available)("someone who already is a client opens the link: no second client, the team is told", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w, { personName: "Samira" }));
    const { invite } = await w.service.accept(w.coach, referral.id, w.coach.id);
    const before = await w.db.prisma.client.count();
    await w.engine.handle(message(w.chatId, { kind: "command", command: "start", args: invite.code }));
    expect(await w.db.prisma.client.count()).toBe(before - 1);
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([row.clientId, stateOf(row)]).toEqual([w.client.id, "contactMade"]);
    const threads = (await slackJobs(w.db, referral.id)).map((j) => j.thread?.key).filter(Boolean);
    expect(threads).toContain("referral.thread.alreadyClient");
    expect((await telegramFor(w.db, w.client.id)).map((m) => m.key)).toEqual(["start.alreadyLinked"]);
  });

  it.runIf(available)("more information asked and answered; a decline needs a reason; only the team acts on its card", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    await w.service.act(w.colleague, referral.id, { type: "team.askedInfo", question: "Heeft Jan schulden?" });
    const forbidden = await w.service.act(w.otherMember, referral.id, { type: "partner.answeredInfo", answer: "Nee" }).catch((e: unknown) => e);
    expect((forbidden as ReferralRefused).reason).toBe("forbidden");
    await w.service.act(w.partnerBackup, referral.id, { type: "partner.answeredInfo", answer: "Nee, geen schulden" });
    const notTeam = await w.service.act(w.partnerMember, referral.id, { type: "team.declined", reason: "x" }).catch((e: unknown) => e);
    expect((notTeam as ReferralRefused).reason).toBe("forbidden");
    const noReason = await w.service.act(w.coach, referral.id, { type: "team.declined", reason: " " }).catch((e: unknown) => e);
    expect((noReason as ReferralRefused).reason).toBe("notNow");
    await w.service.act(w.coach, referral.id, { type: "team.declined", reason: "Jan woont buiten onze wijk" });
    expect(await dmKeys(w, referral.id)).toEqual(["referrer:referral.dm.in.received", "referrer:referral.dm.in.infoRequested", "referrer:referral.dm.in.declined"]);
  });

  it.runIf(available)("no contact after attempts: only the assigned coach may make a new link or give up", async () => {
    const w = await referralWorld(await freshDb());
    const referral = await w.service.fileIn(w.partnerMember, inDraft(w));
    const first = await w.service.accept(w.coach, referral.id, w.coach.id);
    expect(((await w.service.reinvite(w.colleague, referral.id).catch((e: unknown) => e)) as ReferralRefused).reason).toBe("forbidden");
    const second = await w.service.reinvite(w.coach, referral.id);
    expect(second.invite.code).not.toBe(first.invite.code);
    await w.service.act(w.coach, referral.id, { type: "team.noContact" });
    const row = await w.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([stateOf(row), row.status]).toEqual(["noContact", "failed"]);
    expect((await dmKeys(w, referral.id)).at(-1)).toBe("referrer:referral.dm.in.noContact");
  });

  it.runIf(available)("refuses a filing without the person's agreement or by a coach", async () => {
    const w = await referralWorld(await freshDb());
    const noAgree = (await w.service.fileIn(w.partnerMember, inDraft(w, { personAgrees: false })).catch((e: unknown) => e)) as ReferralRefused;
    expect([noAgree.reason, noAgree.field]).toEqual(["invalid", "agrees"]);
    const byCoach = (await w.service.fileIn(w.coach, inDraft(w)).catch((e: unknown) => e)) as ReferralRefused;
    expect(byCoach.reason).toBe("forbidden");
    expect(await w.db.prisma.referral.count()).toBe(0);
  });
});
