/**
 * Seeded generators of what Telegram and Slack could send, and what a forger could: the same seed
 * gives the same inputs in the same order, so a failing run can be replayed (FUZZ_SEED=<seed>).
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof rng>;

/** Pieces of text that have broken parsers, templates, terminals and databases before. */
const NASTY = [
  "'; DROP TABLE \"Client\"; --", "<script>alert(1)</script>", "{{name}}", "${process.exit()}", "%s%s%n", "\\u0000", "\u0000", "\u202eoiloF",
  "\u200b\u200c\u200d\ufeff", "Z\u0351\u0308\u036b\u0343\u036a\u0302a\u0310l\u0351g\u0313o", "🏳️‍🌈👩‍👩‍👧‍👦🇳🇱", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "\ud83d", "\udc00", "null", "undefined",
  "NaN", "-0", "1e309", "__proto__", "constructor", "<!channel>", "@here", "<https://evil|bank>", "\r\n\r\n", "\t", "ÅÄÖ åäö ĳ", "مرحبا", "שלום", "你好",
];

/** Random text of `len` characters from hostile ranges: emoji, RTL, zero-width, combining marks, controls, CJK. */
export function junk(r: Rng, len = r.int(1, 60)): string {
  const ranges: [number, number][] = [[0x20, 0x7e], [0x0300, 0x036f], [0x0590, 0x06ff], [0x200b, 0x206f], [0x4e00, 0x4eff], [0x1f300, 0x1f6ff], [0x0001, 0x001f], [0xd800, 0xdfff], [0xfff0, 0xffff]];
  let s = "";
  while (s.length < len) {
    if (r.chance(0.15)) s += r.pick(NASTY);
    else {
      const [lo, hi] = r.pick(ranges);
      s += String.fromCodePoint(r.int(lo, hi));
    }
  }
  return s.slice(0, len);
}

/** Numbers Telegram never sends where an id goes. */
const BAD_NUMBERS = [2 ** 53, 2 ** 60, 1e20, -1e20, 1.5, -0.5, Number.MAX_VALUE, -(2 ** 63)];
/** Values of the wrong type. */
const WRONG_TYPES: unknown[] = ["7", "", null, true, [], {}, [1, 2], { id: 1 }];

export interface TelegramCase {
  what: string;
  /** The raw request body. */
  body: string;
  /** 400 for a body that is not an update, 200 for everything else. */
  status: 200 | 400;
  /** "malformed": must change nothing at all; "wellFormed": may change only what a valid update would. */
  kind: "malformed" | "wellFormed";
}

export interface TelegramWorld {
  /** Private chats of linked clients. */
  clientChats: number[];
  /** Existing job ids (reminder buttons name jobs). */
  jobIds: bigint[];
  botUsername: string;
}

/** Every callback-data prefix the bot uses: `k:<turn>:<choice>` (src/outbox/messages.ts), `r:<jobId>:<d|l|s>` (src/domain/reminders/buttons.ts), `s:…` (src/conversation/crisis.ts). */
export function forgedCallbackData(r: Rng, w: TelegramWorld): string {
  const choice = () => r.pick(["yes", "no", "keep", "later", "ok", "1", "10", "", "__proto__", "constructor", "x".repeat(41), junk(r, 8)]);
  const jobId = () => r.pick([String(r.pick(w.jobIds.length ? w.jobIds : [1n])), "0", "-1", "99999999999999999999", "9223372036854775807", "9223372036854775808", "1e3", "0x10", "", String(r.int(1, 5000))]);
  const forms = [
    () => `k:${r.pick([0, 1, 2, 3, r.int(4, 50), 999_999_999, -1])}:${choice()}`,
    () => `k:${r.pick(["9999999999", "1.5", "abc", "", "00000000001", "1e3"])}:${choice()}`,
    () => `r:${jobId()}:${r.pick(["d", "l", "s", "x", "", "dd"])}`,
    () => r.pick(["s:resume", "s:rest", "s:check:yes", "s:check:no", "s:check:maybe", "s:", "s:resume:extra", "s:check:", "s:check:yes:no"]),
    () => r.pick(["k", "r", "s", ":", "::", "k::", "r::", "{}", "[]", "null", ""]),
    () => junk(r, r.int(1, 250)),
    () => `${r.pick(["k", "r", "s"])}:${junk(r, r.int(1, 60))}`,
  ];
  return r.pick(forms)().slice(0, 256);
}

let nextUpdateId = 20_000_000;
let nextMessageId = 1;

const person = (id: unknown, over: Record<string, unknown> = {}) => ({ id, is_bot: false, first_name: "Fuzz", language_code: "nl", ...over });
const chatOf = (id: unknown, type = "private") => ({ id, type, first_name: "Fuzz" });

function message(chat: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: chatOf(chat), from: person(chat), ...over };
}

function callback(chat: number, data: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `cb${nextUpdateId}`,
    from: person(chat),
    chat_instance: "ci",
    data,
    message: { message_id: 1, date: 1, chat: chatOf(chat), from: { id: 1, is_bot: true, first_name: "Koers" }, text: "?" },
    ...over,
  };
}

const update = (kind: string, payload: unknown, id = nextUpdateId++) => ({ update_id: id, [kind]: payload });
const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

/** Media a client can send (the bot reads only text; captions are read for crisis signals only). */
function media(r: Rng): Record<string, unknown> {
  const file = { file_id: junk(r, 20), file_unique_id: "u" };
  return r.pick([
    { sticker: { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "😀" } },
    { photo: [{ ...file, width: 90, height: 90 }], ...(r.chance(0.5) ? { caption: junk(r), caption_entities: [{ type: "bold", offset: 9999, length: 5 }] } : {}) },
    { voice: { ...file, duration: r.pick([1, 0, -1, 1e9]) } },
    { video_note: { ...file, length: 1, duration: 1 } },
    { document: { ...file, file_name: junk(r, 30) }, caption: junk(r, r.int(1, 1000)) },
    { location: { latitude: 52.37, longitude: 4.89 } },
    { contact: { phone_number: "0612345678", first_name: junk(r, 10) } },
    { dice: { emoji: "🎲", value: 6 } },
    { animation: { ...file, width: 1, height: 1, duration: 1 } },
    { poll: { id: "p", question: junk(r), options: [] } },
    { new_chat_members: [person(1)] },
    {},
  ]);
}

/** Updates Telegram never sends: the edge must ignore them (200) or refuse them (400), and nothing may change. */
function malformed(r: Rng, w: TelegramWorld): TelegramCase {
  const chat = r.chance(0.5) ? r.pick(w.clientChats) : r.int(90_000, 90_500);
  const ok = (what: string, body: unknown): TelegramCase => ({ what, body: JSON.stringify(body), status: 200, kind: "malformed" });
  const refused = (what: string, body: string): TelegramCase => ({ what, body, status: 400, kind: "malformed" });
  const forms: (() => TelegramCase)[] = [
    () => ok("message without from", update("message", without(message(chat, { text: "hoi" }), "from"))),
    () => ok("from without id", update("message", message(chat, { text: "hoi", from: without(person(chat), "id") }))),
    () => ok("from id of a wrong type", update("message", message(chat, { text: "hoi", from: person(r.pick(WRONG_TYPES)) }))),
    () => ok("from id out of range", update("message", message(chat, { text: "hoi", from: person(r.pick(BAD_NUMBERS)) }))),
    () => ok("chat without id", update("message", message(chat, { text: "hoi", chat: { type: "private" } }))),
    () => ok("chat id out of range", update("message", message(chat, { text: "/start", chat: chatOf(r.pick(BAD_NUMBERS)) }))),
    () => ok("chat id of a wrong type", update("message", message(chat, { text: "/start", chat: chatOf(r.pick(WRONG_TYPES)) }))),
    () => ok("chat that is not an object", update("message", message(chat, { text: "hoi", chat: r.pick(WRONG_TYPES) }))),
    () => ok("text of a wrong type", update("message", message(chat, { text: r.pick([12345, true, { evil: 1 }, ["a"], null]) }))),
    () => ok("message id of a wrong type", update("message", message(chat, { text: "hoi", message_id: r.pick([...WRONG_TYPES, ...BAD_NUMBERS]) }))),
    () => ok("entities out of range", update("message", message(chat, { text: "/start", entities: [{ type: "bot_command", offset: r.pick([-1, -1e9, 1.5]), length: 6 }] }))),
    () => ok("entities of a wrong type", update("message", message(chat, { text: "/start", entities: r.pick(["bot_command", 1, {}, [null], [{ type: 1, offset: 0, length: 6 }]]) }))),
    () => ok("text longer than Telegram allows", update("message", message(chat, { text: `${junk(r, 10)}${"ja ".repeat(7000)}` }))),
    () => ok("first name of 300 characters", update("message", message(chat, { text: "hoi", from: person(chat, { first_name: "x".repeat(300) }) }))),
    () => ok("update id out of range", { update_id: r.pick([2 ** 60, -5, 1.5, -(2 ** 53), 1e300]), message: message(chat, { text: "hoi" }) }),
    () => ok("a kind the bot does not handle", update(r.pick(["inline_query", "chosen_inline_result", "channel_post", "edited_channel_post", "my_chat_member", "chat_member", "chat_join_request", "shipping_query", "pre_checkout_query", "poll", "poll_answer", "message_reaction", "business_message", "purchased_paid_media", "removed_chat_boost", "x_unknown_kind"]), { id: "1", from: person(chat), chat: chatOf(chat), text: junk(r) })),
    () => ok("no kind at all", { update_id: nextUpdateId++ }),
    () => ok("two kinds at once", { update_id: nextUpdateId++, message: message(chat, { text: "hoi" }), callback_query: callback(chat, "k:1:yes") }),
    () => ok("a message that is not an object", update(r.pick(["message", "edited_message", "callback_query"]), r.pick(WRONG_TYPES))),
    () => ok("callback without from", update("callback_query", without(callback(chat, "k:1:yes"), "from"))),
    () => ok("callback data longer than Telegram allows", update("callback_query", callback(chat, "k".repeat(r.int(257, 5000))))),
    () => ok("callback data of a wrong type", update("callback_query", callback(chat, r.pick([1, null, {}, ["k:1:yes"], true]) as string))),
    () => ok("callback id of a wrong type", update("callback_query", callback(chat, "k:1:yes", { id: r.pick([1, null, {}]) }))),
    () => ok("callback message chat id out of range", update("callback_query", callback(chat, "k:1:yes", { message: { message_id: 1, chat: chatOf(r.pick(BAD_NUMBERS)) } }))),
    () => ok("edited message without chat", update("edited_message", without(message(chat, { text: junk(r) }), "chat"))),
    () => refused("a body that is not an object", r.pick(["[]", '"hallo"', "null", "42", "true", "[{\"update_id\":1}]"])),
    () => refused("no update id", JSON.stringify({ message: message(chat, { text: "hoi" }) })),
    () => refused("update id of a wrong type", JSON.stringify({ update_id: r.pick(["7", null, {}, [], true]), message: message(chat, { text: "hoi" }) })),
    () => refused("not JSON", r.pick(["{not json", "", "{\"update_id\":", "\u0000", junk(r, 50)]).replace(/^[[{"0-9tn-]/, "x")),
  ];
  return r.pick(forms)();
}

/**
 * Updates shaped as Telegram sends them, with hostile content: media, edits, forged buttons for
 * every prefix, commands and junk; from linked clients, strangers, groups and bots.
 */
function wellFormed(r: Rng, w: TelegramWorld): TelegramCase {
  const client = r.pick(w.clientChats);
  const stranger = r.int(90_000, 90_500);
  const ok = (what: string, body: unknown): TelegramCase => ({ what, body: JSON.stringify(body), status: 200, kind: "wellFormed" });
  const forms: (() => TelegramCase)[] = [
    // From linked clients: nothing here answers a question, so no conversation may move.
    () => ok("client: media", update("message", message(client, media(r)))),
    () => ok("client: forged button", update("callback_query", callback(client, forgedCallbackData(r, w)))),
    () => ok("client: forged button without message", update("callback_query", without(callback(client, forgedCallbackData(r, w)), "message"))),
    () => ok("client: forged button in another chat", update("callback_query", callback(client, forgedCallbackData(r, w), { message: { message_id: 1, chat: chatOf(r.pick(w.clientChats)) } }))),
    () => ok("client: 5,000 characters", update("message", message(client, { text: junk(r, 5000) }))),
    () => ok("client: edited message", update("edited_message", message(client, { text: junk(r), edit_date: 1 }))),
    () => ok("client: edited media", update("edited_message", message(client, media(r)))),
    () => ok("client: help and unknown commands", update("message", message(client, (() => { const t = r.pick(["/hulp", "/help@" + w.botUsername, "/foo", "/constructor", "/__proto__", "/toString", `/${junk(r, 10).replace(/\s/g, "")}`, "/help@SomeOtherBot"]); return { text: t, entities: [{ type: "bot_command", offset: 0, length: Math.min(t.length, r.pick([t.length, 9999, 1])) }] }; })()))),
    () => ok("client: text in a group", update("message", message(client, { text: junk(r), chat: chatOf(-r.int(1, 1e6), r.pick(["group", "supergroup", "channel"])) }))),
    () => ok("client: a bot", update("message", message(client, { text: junk(r), from: person(client, { is_bot: true }) }))),
    () => ok("client: entities beyond the text, on media", update("message", message(client, { ...media(r), caption: junk(r, 10), caption_entities: [{ type: "bold", offset: 10_000, length: 10_000 }] }))),
    // From strangers: anything, texts and /start with forged codes included.
    () => ok("stranger: junk text", update("message", message(stranger, { text: junk(r) }))),
    () => ok("stranger: entities beyond the text", update("message", message(stranger, { text: junk(r, 20), entities: [{ type: r.pick(["bot_command", "bold", "url", "text_link", "mention"]), offset: r.int(0, 100), length: r.int(0, 100_000) }] }))),
    () => ok("stranger: /start with a forged code", update("message", message(stranger, (() => { const t = `/start ${r.pick([junk(r, 12), "A".repeat(64), "x".repeat(r.int(1, 4000)), "", "../../etc/passwd", "' OR 1=1 --"])}`; return { text: t, entities: [{ type: "bot_command", offset: 0, length: 6 }] }; })()))),
    () => ok("stranger: media", update("message", message(stranger, media(r)))),
    () => ok("stranger: forged button", update("callback_query", callback(stranger, forgedCallbackData(r, w)))),
    () => ok("stranger: edited message", update("edited_message", message(stranger, { text: junk(r), edit_date: 1 }))),
    () => ok("stranger: 5,000 characters", update("message", message(stranger, { text: junk(r, 5000) }))),
    () => ok("stranger: with a client's chat id as sender", update("message", message(stranger, { text: junk(r), from: person(client) }))),
    () => ok("stranger: a language nobody speaks", update("message", message(stranger, { text: junk(r), from: person(stranger, { language_code: r.pick(["xx", "", "nl-NL-x-verylongsubtag", "EN"]) }) }))),
  ];
  return r.pick(forms)();
}

/** `n` Telegram cases: about half malformed, half well formed with hostile content, and a few redeliveries. */
export function telegramCases(r: Rng, w: TelegramWorld, n: number, kind: TelegramCase["kind"]): TelegramCase[] {
  const out: TelegramCase[] = [];
  while (out.length < n) {
    if (kind === "wellFormed" && out.length > 10 && r.chance(0.05)) {
      // The same update delivered again (Telegram retries): handled once.
      const again = r.pick(out);
      out.push({ ...again, what: `again: ${again.what}` });
      continue;
    }
    out.push(kind === "malformed" ? malformed(r, w) : wellFormed(r, w));
  }
  return out;
}

export interface SlackWorld {
  /** Real members' Slack ids, by what they are. */
  coach: string;
  colleague: string;
  partner: string;
  otherPartner: string;
  /** Ids of rows that exist, which only someone else may act on. */
  referralId: string;
  nudgeId: string;
  alertId: string;
}

export interface SlackCase {
  what: string;
  /** The raw body, as Slack posts it. */
  body: string;
  contentType: string;
  /** The Slack user the refusal must reach, when the payload names one that looks real. */
  user: string | null;
  /**
   * "refused": a forgery, a wrong person or a stale button: a private, calm refusal and an audit
   * row. "valid": a real member doing what they may (a command, the Home): answered as usual.
   * "quiet": an event or an options request, answered without a message.
   */
  expect: "refused" | "valid" | "quiet";
}

const VIEWS = ["ref.verwijs", "ref.aanmelden", "ref.text", "ref.plan", "ref.accept"];
const ACTIONS = [
  "ref.received", "ref.accept", "ref.contactWithCoach", "ref.contactAlone", "ref.noShow", "ref.reject", "ref.redirect", "ref.close", "ref.complete",
  "ref.in.askInfo", "ref.in.decline", "ref.plan", "ref.in.accept", "ref.dm.reinvite", "ref.dm.noContact", "ref.dm.cancel", "ref.dm.askAgain", "ref.dm.answer",
  "nudge.contact", "nudge.snooze", "nudge.done", "crisis.ack", "crisis.contacted", "crisis.resume",
];

let slackSeq = 0;
const uuidLike = (r: Rng) => {
  const h = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[r.int(0, 15)]).join("");
  return `${h(8)}-${h(4)}-4${h(3)}-8${h(3)}-${h(12)}`;
};
const badId = (r: Rng) => r.pick(["not-a-uuid", "99999999999999999999", "1 OR 1=1", "'; DROP TABLE \"Referral\"; --", "", "00000000-0000-0000-0000-00000000000g", "<!channel>", junk(r, 40), "{}", "null"]);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** `n` Slack payloads: forged buttons, modal submissions and commands, from right and wrong people. */
export function slackCases(r: Rng, w: SlackWorld, n: number): SlackCase[] {
  const stranger = () => `U${r.pick(["STRANGER", "NOBODY", "EXTERN"])}${r.int(1, 99)}`;
  const junkUser = () => r.pick(["", "u-lower-case", "<!channel>", "U".repeat(40), "U1 OR 1=1", junk(r, 10)]);
  const anyUser = () => r.pick([w.coach, w.colleague, w.partner, w.otherPartner, stranger(), stranger(), junkUser()]);
  const realLooking = (u: string) => (/^[A-Z0-9]{2,32}$/.test(u) ? u : null);
  const team = () => r.pick(["T1", "TOTHER", "", junk(r, 6)]);
  const channel = () => r.pick(["CPARTNER", "CTEAM", "CGENERAL", `D${w.coach}`, "", "<#C1>", junk(r, 5)]);
  const trigger = () => `trig-fuzz-${++slackSeq}-${r.int(0, 1e9)}`;
  const interaction = (payload: Record<string, unknown>) => form({ payload: JSON.stringify({ api_app_id: "A1", token: "legacy", trigger_id: trigger(), ...payload }) });
  const FORM = "application/x-www-form-urlencoded";

  /** A button: a known or forged action id, a forged value, or a real id pressed by someone it is not for. */
  const button = (): SlackCase => {
    const actionId = r.chance(0.85) ? r.pick(ACTIONS) : r.pick(["ref.unknown", "nudge.x", "crisis.", "ref.dm.", "ref.__proto__", junk(r, 20), ""]);
    const realFor = actionId.startsWith("nudge.") ? w.nudgeId : actionId.startsWith("crisis.") ? w.alertId : w.referralId;
    // A real id only from people it is not for: a partner of another organisation, or a stranger.
    const real = r.chance(0.3);
    const user = real ? r.pick([w.otherPartner, stranger(), junkUser()]) : anyUser();
    const value = real ? realFor : r.chance(0.5) ? uuidLike(r) : badId(r);
    const ch = channel();
    // Now and then no user object at all: nobody to tell, the refusal is only audited.
    const brokenUser = r.chance(0.05);
    const payload: Record<string, unknown> = {
      type: "block_actions",
      user: brokenUser ? r.pick([null, "U1", { name: "x" }, [user]]) : { id: user },
      team: { id: team() },
      channel: { id: ch },
      container: { type: "message", channel_id: ch, message_ts: "1.1" },
      message: { type: "message", ts: "1.1", text: "?" },
      actions: [{ type: "button", action_id: actionId, block_id: r.pick([`ref:${value}`, `crisis:${value}`, junk(r, 10)]), value, action_ts: "1.2" }],
    };
    return { what: `button ${actionId}`, body: interaction(payload), contentType: FORM, user: brokenUser ? null : realLooking(user), expect: "refused" };
  };

  /** A modal submission: forged metadata, non-uuid ids in the choices, wrong people. */
  const submission = (): SlackCase => {
    const callbackId = r.chance(0.9) ? r.pick(VIEWS) : r.pick(["ref.nope", junk(r, 12), ""]);
    const user = anyUser();
    const metadata = r.pick([
      JSON.stringify({ referralId: badId(r) }),
      JSON.stringify({ referralId: uuidLike(r), event: r.pick(["partner.rejected", "__proto__", "constructor", "team.declined", junk(r, 8)]) }),
      JSON.stringify({ referralId: w.referralId, event: r.pick(["partner.rejected", "partner.completed", "__proto__"]) }),
      JSON.stringify({ channel: r.pick(["<!channel>", "C1", junk(r, 5)]) }),
      "not json {", "", "[]", "null", "\"x\"", JSON.stringify({ referralId: 12 }), junk(r, 100),
    ]);
    const pick = (v: string) => ({ type: "static_select", selected_option: { value: v } });
    const values = {
      client: { v: pick(r.chance(0.5) ? badId(r) : uuidLike(r)) },
      partner: { v: pick(r.chance(0.5) ? badId(r) : uuidLike(r)) },
      team: { v: pick(r.chance(0.5) ? badId(r) : uuidLike(r)) },
      coach: { v: pick(r.chance(0.5) ? badId(r) : uuidLike(r)) },
      domain: { v: pick(r.pick(["financien", "wonen", junk(r, 8)])) },
      need: { v: { type: "plain_text_input", value: junk(r, r.int(0, 3000)) } },
      name: { v: { type: "plain_text_input", value: junk(r, r.int(0, 200)) } },
      contact: { v: { type: "plain_text_input", value: junk(r, 20) } },
      text: { v: { type: "plain_text_input", value: junk(r, r.int(0, 3000)) } },
      place: { v: { type: "plain_text_input", value: junk(r, 50) } },
      items: { v: { type: "checkboxes", selected_options: [{ value: r.pick(["name", "phone", "__proto__", junk(r, 5)]) }] } },
      agrees: { v: { type: "checkboxes", selected_options: r.chance(0.5) ? [{ value: "yes" }] : [] } },
      urgency: { v: { type: "radio_buttons", selected_option: { value: r.pick(["normal", "soon", junk(r, 5)]) } } },
      date: { v: { type: "datepicker", selected_date: r.pick(["2099-13-45", "1999-01-01", "x", ""]) } },
      time: { v: { type: "timepicker", selected_time: r.pick(["25:99", "10:00", "x"]) } },
      phone: { v: { type: "plain_text_input", value: junk(r, 20) } },
    };
    const state = r.chance(0.1) ? r.pick([{}, { values: null }, { values: "x" }, { values: { client: null } }]) : { values };
    const payload = {
      type: "view_submission",
      user: { id: user },
      team: { id: team() },
      view: { id: "V1", type: "modal", callback_id: callbackId, private_metadata: metadata, state, hash: `h${slackSeq}` },
    };
    return { what: `submit ${callbackId}`, body: interaction(payload), contentType: FORM, user: realLooking(user), expect: "refused" };
  };

  /** A slash command with junk text: a real member with the right role gets the modal; anyone else is refused. */
  const command = (): SlackCase => {
    const cmd = r.pick(["/verwijs", "/aanmelden", "/verwijs", "/aanmelden", "/koers", junk(r, 8)]);
    const user = anyUser();
    const rightRole = (cmd === "/verwijs" && (user === w.coach || user === w.colleague)) || (cmd === "/aanmelden" && (user === w.partner || user === w.otherPartner));
    const body = form({ command: cmd, text: junk(r, r.int(0, 300)), user_id: user, user_name: junk(r, 8), channel_id: channel(), team_id: team(), trigger_id: trigger(), response_url: "https://hooks.slack.invalid/x", api_app_id: "A1", token: "legacy" });
    // The right role is a valid request: the modal opens (or the coach is told there is no client yet).
    return { what: `command ${cmd}`, body, contentType: FORM, user: realLooking(user), expect: rightRole ? "valid" : "refused" };
  };

  /** Events and options requests: answered without a message, whoever sends them. */
  const quiet = (): SlackCase => {
    const user = anyUser();
    if (r.chance(0.5)) {
      const body = JSON.stringify({ type: "event_callback", team_id: team(), api_app_id: "A1", event: { type: r.pick(["app_home_opened", "app_home_opened", "message", "reaction_added", junk(r, 8)]), user, tab: r.pick(["home", "messages", junk(r, 4)]) }, event_id: `EvFuzz${++slackSeq}`, event_time: 1 });
      return { what: "event", body, contentType: "application/json", user: realLooking(user), expect: "quiet" };
    }
    const payload = { type: "block_suggestion", user: { id: user }, team: { id: team() }, action_id: "v", block_id: r.pick(["client", "partner", "team", "coach", junk(r, 6)]), value: junk(r, r.int(0, 100)), view: { id: "V1", type: "modal", callback_id: r.pick(VIEWS), private_metadata: "{}", state: { values: {} }, hash: `h${++slackSeq}` } };
    return { what: "options", body: interaction(payload), contentType: FORM, user: realLooking(user), expect: "quiet" };
  };

  const out: SlackCase[] = [];
  while (out.length < n) out.push(r.pick([button, button, button, submission, submission, command, quiet])());
  return out;
}
