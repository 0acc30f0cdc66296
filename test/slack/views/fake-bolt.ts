/**
 * Fakes for the I/O around a modal submission listener, without Bolt or a database: an app that
 * keeps the view listeners registered on it, a Web API client that records what it posts, a
 * database handle that records audit rows and answers the few names a listener reads, and a
 * translator that returns the key with its vars. The listeners themselves are the real ones.
 */
import type { App, Context } from "@slack/bolt";
import { expect, it } from "vitest";
import type { Logger } from "pino";
import type { SlackDeps } from "../../../src/slack/context.js";
import type { Member } from "../../../src/domain/members.js";
import type { ReferralService } from "../../../src/domain/referrals/service.js";

export type ViewListener = (args: { ack: (r?: unknown) => Promise<void>; body: unknown; view: unknown; client: unknown; context: Context }) => Promise<void>;

/** Any other listener: called with Bolt's arguments (ack, body, client, context, action, ...). */
export type Listener = (args: Record<string, unknown>) => Promise<void>;

export function fakeApp(): { app: App; views: Map<string, ViewListener>; commands: Map<string, Listener>; actions: [string | RegExp, Listener][]; events: Map<string, Listener> } {
  const views = new Map<string, ViewListener>();
  const events = new Map<string, Listener>();
  const commands = new Map<string, Listener>();
  const actions: [string | RegExp, Listener][] = [];
  const app = {
    view: (id: string, listener: ViewListener) => void views.set(id, listener),
    command: (name: string, listener: Listener) => void commands.set(name, listener),
    action: (id: string | RegExp, listener: Listener) => void actions.push([id, listener]),
    event: (name: string, listener: Listener) => void events.set(name, listener),
  } as unknown as App;
  return { app, views, commands, actions, events };
}

/** The listeners a pressed action id reaches, as Bolt matches them (a string exactly, a pattern by test). */
export const listenersFor = (actions: [string | RegExp, Listener][], actionId: string) => actions.filter(([m]) => (typeof m === "string" ? m === actionId : m.test(actionId))).map(([, l]) => l);

/** `count` action listeners are registered: exactly one answers each of `answered`, none any of `ignored`. */
export function expectListeners(actions: [string | RegExp, Listener][], count: number, answered: string[], ignored: string[] = []): void {
  expect(actions).toHaveLength(count);
  for (const id of answered) expect(listenersFor(actions, id), id).toHaveLength(1);
  for (const id of ignored) expect(listenersFor(actions, id), id).toHaveLength(0);
}

/** A press of a button as Bolt gives it: every listener registered for `actionId` gets it, with `who` as the member in the context. */
export async function pressButton(actions: [string | RegExp, Listener][], press: { actionId: string; value: unknown; who: Member | null; body: Record<string, unknown>; client: unknown; ack?: () => Promise<void> }): Promise<void> {
  const ack = press.ack ?? (() => Promise.resolve());
  for (const l of listenersFor(actions, press.actionId)) {
    await l({ ack, body: press.body, action: { action_id: press.actionId, value: press.value }, client: press.client, context: contextOf(press.who) });
  }
}

export interface Recorded {
  acks: unknown[];
  audits: { action: string; actorKind: string; actorId: string | null; referralId: string | null; detail: Record<string, unknown> }[];
  ephemeral: { channel: string; user: string; text: string }[];
  dms: { user: string; text: string; blocks?: unknown }[];
  errors: string[];
  opened: { trigger_id: unknown; view: { callback_id?: string; private_metadata?: string; blocks?: unknown[] } }[];
  updated: { channel: string; ts: string; text: string }[];
  published: { user_id: string; view: { type: string; blocks: unknown[] } }[];
}

export const member = (over: Partial<Member> = {}): Member =>
  ({ id: "11111111-1111-4111-8111-111111111111", organisationId: "22222222-2222-4222-8222-222222222222", name: "Petra", slackUserId: "UPETRA", role: "PARTNER", nudgeMode: "SINGLE", active: true, createdAt: new Date(0), ...over }) as Member;

/** `t` of the fakes: the key, and the vars as JSON after it. */
export const fakeT = (key: string, vars?: Record<string, string | number>) => (vars && Object.keys(vars).length ? `${key} ${JSON.stringify(vars)}` : key);

export function fakeDeps(service: Partial<ReferralService>, opts: { now?: Date; orgNames?: Record<string, string>; referralNames?: Record<string, { client: string | null; toOrg: string }>; auditFails?: boolean; botUsername?: string | null; ephemeralFails?: boolean } = {}) {
  const rec: Recorded = { acks: [], audits: [], ephemeral: [], dms: [], errors: [], opened: [], updated: [], published: [] };
  const tx = {
    auditEvent: {
      create: ({ data }: { data: Recorded["audits"][number] }) => {
        if (opts.auditFails) return Promise.reject(new Error("database gone"));
        rec.audits.push(data);
        return Promise.resolve(data);
      },
    },
  };
  const prisma = {
    $transaction: (fn: (t: typeof tx) => Promise<unknown>) => fn(tx),
    organisation: {
      findUniqueOrThrow: ({ where }: { where: { id: string } }) => {
        const name = opts.orgNames?.[where.id];
        return name === undefined ? Promise.reject(new Error(`no organisation ${where.id}`)) : Promise.resolve({ name });
      },
    },
    referral: {
      findUniqueOrThrow: ({ where }: { where: { id: string } }) => {
        const names = opts.referralNames?.[where.id];
        return names ? Promise.resolve({ client: names.client === null ? null : { name: names.client }, toOrg: { name: names.toOrg } }) : Promise.reject(new Error(`no referral ${where.id}`));
      },
    },
  };
  const logger = { error: (_o: unknown, msg: string) => void rec.errors.push(msg), warn: (_o: unknown, msg: string) => void rec.errors.push(msg) } as unknown as Logger;
  const deps: SlackDeps = {
    service: service as ReferralService,
    db: { prisma } as unknown as SlackDeps["db"],
    t: fakeT,
    logger,
    clock: () => opts.now ?? new Date("2027-03-10T09:00:00.000Z"),
    botUsername: () => Promise.resolve(opts.botUsername === undefined ? "KoersBot" : opts.botUsername),
  };
  const client = {
    chat: {
      postEphemeral: (m: { channel: string; user: string; text: string }) => (opts.ephemeralFails ? Promise.reject(new Error("not_in_channel")) : (rec.ephemeral.push(m), Promise.resolve({ ok: true }))),
      update: (m: Recorded["updated"][number]) => (rec.updated.push(m), Promise.resolve({ ok: true })),
      postMessage: (m: { channel: string; text: string; blocks?: unknown }) => (rec.dms.push({ user: m.channel.replace(/^D-/, ""), text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) }), Promise.resolve({ ok: true, ts: "1.2" })),
    },
    views: {
      open: (args: Recorded["opened"][number]) => (rec.opened.push(args), Promise.resolve({ ok: true })),
      publish: (args: Recorded["published"][number]) => (rec.published.push(args), Promise.resolve({ ok: true })),
    },
    conversations: { open: ({ users }: { users: string }) => Promise.resolve({ ok: true, channel: { id: `D-${users}` } }) },
  };
  const ack = (r?: unknown) => (rec.acks.push(r ?? "ack"), Promise.resolve());
  return { deps, rec, client, ack };
}

/** A submitted modal: block id -> the input's state (action id "v"), and the private metadata. */
export function viewOf(values: Record<string, Record<string, unknown>>, meta: Record<string, unknown> | string = {}): unknown {
  return { state: { values: Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { v }])) }, private_metadata: typeof meta === "string" ? meta : JSON.stringify(meta) };
}

/**
 * A modal filled in completely (`full`, block id -> input state), sent from channel C123: each call
 * may change some inputs (`over`) or the metadata.
 */
export const filledIn =
  (full: Record<string, Record<string, unknown>>) =>
  (over: Record<string, Record<string, unknown>> = {}, meta: Record<string, unknown> = { channel: "C123" }): unknown =>
    viewOf({ ...full, ...over }, meta);

/** A modal's register function adds that one view listener and nothing else. */
export function itRegistersOnly(view: string, views: () => Map<string, ViewListener>): void {
  it("is the only view it registers", () => {
    expect([...views().keys()]).toEqual([view]);
  });
}

/** A submission by someone who is no member: refused inline under `block`, and audited. */
export function expectNotMemberRefused(rec: Recorded, view: string, block: string): void {
  expect(rec.acks).toEqual([{ response_action: "errors", errors: { [block]: "referral.refused.notMember" } }]);
  expect(rec.audits.map((a) => [a.detail.what, a.detail.why])).toEqual([[view, "notMember"]]);
}

export const bodyOf = (user: unknown = "UPETRA") => ({ user: { id: user } });
export const contextOf = (m: Member | null): Context => ({ member: m }) as unknown as Context;

/**
 * Presses `actionId` with each of `values` (none a referral id) on a fresh fake: each press is
 * refused before the service is asked, with a private answer and an audit row of the malformed id.
 */
export async function expectNoReferralIdsRefused(fresh: () => { calls: string[]; rec: Recorded; press: (actionId: string, value: unknown) => Promise<void> }, actionId: string, values: unknown[]): Promise<void> {
  for (const value of values) {
    const f = fresh();
    await f.press(actionId, value);
    expect(f.calls).toEqual([]);
    expect(f.rec.ephemeral.map((e) => e.text)).toEqual(["referral.refused.unknown"]);
    expect(f.rec.audits.map((a) => a.detail.why)).toEqual(["malformedId"]);
  }
}
