/* global document, fetch, EventSource, localStorage, setInterval */
/**
 * The sandbox page. Everything shown comes from /sandbox/api/state: what Koers sent through the
 * Bot API and the Slack Web API, as the in-process fakes recorded it. Everything done here goes
 * back the way Telegram and Slack would send it (a webhook update, a signed Slack request).
 */
import { el, mrkdwn, readValues, renderBlocks } from "./blocks.js";

const $ = (id) => document.getElementById(id);
const saved = (k, d) => {
  try {
    return localStorage.getItem(`koers-sandbox.${k}`) ?? d;
  } catch {
    return d;
  }
};
const remember = (k, v) => {
  try {
    localStorage.setItem(`koers-sandbox.${k}`, v);
  } catch {
    // private mode: the choice lasts until reload
  }
};

const ui = { chatId: Number(saved("chat", "700001")), person: saved("person", "U0AHMED01"), place: saved("place", "home"), waitingSince: 0, modalKey: "" };
let state = null;

async function post(path, body) {
  const res = await fetch(`/sandbox/api/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(answer.error ?? `HTTP ${res.status}`);
  return answer;
}

const timeFormat = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const shortTime = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });
const names = () => Object.fromEntries((state?.slack.people ?? []).map((p) => [p.slack, p.name]).concat([["UKOERSBOT", "Koers"]]));

/** Keeps rendered items whose signature did not change, so focus and screen readers are left alone. */
function sync(container, items, key, sig, render) {
  const existing = new Map([...container.children].map((c) => [c.dataset.key, c]));
  let prev = null;
  for (const item of items) {
    const k = key(item);
    const s = sig(item);
    let node = existing.get(k);
    if (!node || node.dataset.sig !== s) {
      const fresh = render(item);
      fresh.dataset.key = k;
      fresh.dataset.sig = s;
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    existing.delete(k);
    const want = prev ? prev.nextSibling : container.firstChild;
    if (want !== node) container.insertBefore(node, want);
    prev = node;
  }
  for (const n of existing.values()) n.remove();
}

function stickToBottom(box, fn) {
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  fn();
  if (atBottom) box.scrollTop = box.scrollHeight;
}

// ---------------------------------------------------------------- Telegram (you are the client)
function client() {
  return state.clients.find((c) => c.chatId === ui.chatId) ?? state.clients[0];
}

function renderTelegram() {
  const select = $("client");
  if (select.options.length !== state.clients.length) {
    select.replaceChildren(...state.clients.map((c) => el("option", { value: c.chatId, text: c.name })));
  }
  const c = client();
  if (!c) return;
  ui.chatId = c.chatId;
  select.value = String(c.chatId);
  $("client-status").textContent = `${c.status.toLowerCase()} · coach ${c.coach}`;
  const invite = $("invite");
  const showInvite = c.inviteCode && !c.linked;
  invite.hidden = !showInvite;
  if (showInvite && invite.dataset.code !== c.inviteCode) {
    invite.dataset.code = c.inviteCode;
    const link = `t.me/${state.botUsername}?start=${c.inviteCode}`;
    invite.replaceChildren(
      el("span", { text: `${c.firstName} got an invite link from coach ${c.coach}: ` }),
      el("button", { type: "button", id: "open-invite", onclick: () => say(`/start ${c.inviteCode}`) }, `Open ${link}`),
    );
  }
  const messages = state.telegram.messages.filter((m) => m.chatId === c.chatId);
  const box = $("chat");
  const lastBot = [...messages].reverse().find((m) => m.from === "bot");
  stickToBottom(box, () =>
    sync(
      box,
      messages,
      (m) => String(m.id),
      (m) => `${m.text}|${JSON.stringify(m.buttons)}|${m.edited}|${m.id === lastBot?.id}`,
      (m) => bubble(m, c),
    ),
  );
  if (lastBot && new Date(lastBot.at).getTime() >= ui.waitingSince) ui.waitingSince = 0;
  const typing = state.telegram.typing.includes(c.chatId) || (ui.waitingSince && Date.now() - ui.waitingSince < 8000);
  $("typing").hidden = !typing;
}

function bubble(m, c) {
  const li = el("li", { class: `bubble ${m.from}`, "aria-label": m.from === "bot" ? "Koers" : c.firstName });
  if (m.file?.kind === "photo") li.append(el("img", { src: `/sandbox/api/file?id=${encodeURIComponent(m.file.id)}`, alt: m.text || "Foto van Koers" }));
  if (m.file?.kind === "document") li.append(el("a", { href: `/sandbox/api/file?id=${encodeURIComponent(m.file.id)}`, download: m.file.name, text: `📄 ${m.file.name}` }));
  if (m.text) li.append(el("div", { class: "text", text: m.text }));
  if (m.buttons.length) {
    li.append(
      el(
        "div",
        { class: "keyboard", role: "group", "aria-label": "Knoppen" },
        ...m.buttons.map((row) =>
          el(
            "div",
            { class: "row" },
            ...row.map((b) =>
              b.url
                ? el("a", { href: b.url, target: "_blank", rel: "noopener", text: b.text })
                : el("button", { type: "button", onclick: () => press(m, b) }, b.text),
            ),
          ),
        ),
      ),
    );
  }
  li.append(el("span", { class: "meta", text: `${shortTime.format(new Date(m.at))}${m.edited ? " · bewerkt" : ""}` }));
  return li;
}

async function say(text) {
  ui.waitingSince = Date.now();
  renderTelegram();
  await post("telegram/say", { chatId: ui.chatId, text }).catch(showError);
}

async function press(m, b) {
  ui.waitingSince = Date.now();
  await post("telegram/press", { chatId: m.chatId, messageId: m.id, data: b.data }).catch(showError);
}

// ---------------------------------------------------------------- Slack (you are a professional)
const me = () => state.slack.people.find((p) => p.slack === ui.person) ?? state.slack.people[0];
const dm = (user) => `D${user}`;
const visible = (m) => !m.onlyFor || m.onlyFor === ui.person;

function places() {
  const p = me();
  const channels = state.slack.channels.filter((c) => c.org === p.org);
  return [
    { id: "home", label: "Home", title: "Koers · Home" },
    { id: "dm", label: "Koers (berichten)", title: "Koers · Berichten", channel: dm(p.slack) },
    ...channels.map((c) => ({ id: c.id, label: `# ${c.name}`, title: `# ${c.name}`, channel: c.id })),
  ];
}

function renderSlack() {
  const person = $("person");
  if (!person.options.length) {
    const orgs = [...new Set(state.slack.people.map((p) => p.org))];
    person.replaceChildren(
      ...orgs.map((org) =>
        el("optgroup", { label: org }, ...state.slack.people.filter((p) => p.org === org).map((p) => el("option", { value: p.slack, text: `${p.name} (${p.role === "COACH" ? "coach" : "partner"})` }))),
      ),
    );
  }
  const p = me();
  ui.person = p.slack;
  person.value = p.slack;
  const list = places();
  let place = list.find((x) => x.id === ui.place) ?? list[0];
  ui.place = place.id;
  const nav = $("places");
  const counts = (ch) => state.slack.messages.filter((m) => m.channel === ch && !m.thread_ts && visible(m)).length;
  nav.replaceChildren(
    el("h4", { text: "Apps" }),
    ...list.slice(0, 2).map((x) => placeButton(x, x.channel ? counts(x.channel) : 0)),
    el("h4", { text: "Kanalen" }),
    ...list.slice(2).map((x) => placeButton(x, counts(x.channel))),
  );
  $("place-title").textContent = place.title;
  const surface = $("surface");
  const ctx = (where) => ({ names: names(), onAction: (action) => act(where, action) });
  if (place.id === "home") {
    const home = state.slack.homes[p.slack];
    const key = `home|${home?.hash ?? ""}`;
    if (surface.dataset.key !== key) {
      surface.dataset.key = key;
      surface.replaceChildren(...(home ? renderBlocks(home.blocks, ctx({ type: "home" })) : [el("p", { class: "muted", text: "Opening the App Home…" })]));
    }
    return;
  }
  const messages = state.slack.messages.filter((m) => m.channel === place.channel && !m.thread_ts && visible(m));
  const replies = (m) => state.slack.messages.filter((r) => r.channel === m.channel && r.thread_ts === m.ts && visible(r));
  if (!surface.dataset.key?.startsWith(`ch|${place.channel}`)) {
    surface.replaceChildren();
    surface.dataset.key = `ch|${place.channel}`;
  }
  stickToBottom(surface, () =>
    sync(
      surface,
      messages,
      (m) => m.ts,
      (m) => `${m.text}|${JSON.stringify(m.blocks)}|${JSON.stringify(m.files ?? [])}|${replies(m).map((r) => r.ts + r.text + JSON.stringify(r.blocks) + (r.files?.length ?? 0)).join(",")}`,
      (m) => message(m, replies(m), ctx),
    ),
  );
  if (!messages.length && !surface.querySelector(".muted")) surface.append(el("p", { class: "muted", text: "Nothing here yet." }));
}

function placeButton(x, count) {
  return el(
    "button",
    { type: "button", "aria-current": x.id === ui.place ? "page" : null, onclick: () => goTo(x.id) },
    x.label,
    count && x.id === "dm" ? el("span", { class: "badge", text: String(count), "aria-label": `${count} berichten` }) : null,
  );
}

/** Files shared with a message (an uploaded chart, a document): images inline, others as a link. */
function sharedFiles(m) {
  return (m.files ?? []).map((f) => {
    const src = `/sandbox/api/file?id=${encodeURIComponent(f.id)}`;
    return f.mime.startsWith("image/")
      ? el("figure", { class: "bk-image" }, el("img", { src, alt: f.title || f.name }), f.title ? el("figcaption", { text: f.title }) : null)
      : el("a", { class: "file", href: src, download: f.name, text: `📄 ${f.title || f.name}` });
  });
}

function message(m, replies, ctx) {
  const where = { type: "message", channel: m.channel, ts: m.ts };
  const body = [...(m.blocks?.length ? renderBlocks(m.blocks, ctx(where)) : m.text ? [el("div", { html: mrkdwn(m.text, names()) })] : []), ...sharedFiles(m)];
  return el(
    "article",
    { class: `msg ${m.onlyFor ? "ephemeral" : ""}` },
    el("div", {}, el("span", { class: "who", text: "Koers" }), el("span", { class: "when", text: `${shortTime.format(new Date(m.at))}${m.edited ? " (bewerkt)" : ""}${m.onlyFor ? " · alleen zichtbaar voor jou" : ""}` })),
    ...body,
    replies.length
      ? el(
          "div",
          { class: "thread", role: "group", "aria-label": `Thread, ${replies.length} antwoorden` },
          ...replies.map((r) => el("div", { class: "msg" }, el("span", { class: "when", text: shortTime.format(new Date(r.at)) }), " ", ...(r.blocks?.length ? renderBlocks(r.blocks, ctx({ type: "message", channel: r.channel, ts: r.ts })) : [el("span", { html: mrkdwn(r.text, names()) })]), ...sharedFiles(r))),
        )
      : null,
  );
}

async function act(where, action) {
  await post("slack/action", { user: ui.person, surface: where, action }).catch(showError);
}

function goTo(id) {
  ui.place = id;
  remember("place", id);
  $("surface").dataset.key = "";
  if (id === "home") post("slack/home", { user: ui.person }).catch(showError);
  render();
}

// ---------------------------------------------------------------- modals
function renderModal() {
  const root = $("modal-root");
  const view = state.slack.modals[ui.person]?.at(-1);
  const key = view ? `${view.id}|${view.hash}|${JSON.stringify(view.errors ?? {})}` : "";
  if (key === ui.modalKey) return;
  const hadModal = ui.modalKey !== "";
  ui.modalKey = key;
  // While a modal is open the rest of the page takes no focus or clicks (as in Slack).
  for (const part of document.querySelectorAll("body > header, body > main, body > footer")) part.inert = Boolean(view);
  if (!view) {
    root.replaceChildren();
    if (hadModal) $("command").focus();
    return;
  }
  const titleId = "modal-title";
  const ctx = { names: names(), errors: view.errors, onAction: (action) => act({ type: "modal" }, action), suggest: suggest };
  const form = el(
    "form",
    { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, novalidate: true },
    el("header", {}, el("h2", { id: titleId, text: view.title?.text ?? "" }), el("button", { type: "button", "aria-label": "Sluiten", onclick: closeModal, text: "✕" })),
    el("div", { class: "body" }, view.errors?._ ? el("div", { class: "bk-error", role: "alert", text: view.errors._ }) : null, ...renderBlocks(view.blocks, ctx)),
    el("footer", {}, el("button", { type: "button", onclick: closeModal, text: view.close?.text ?? "Annuleren" }), view.submit ? el("button", { type: "submit", text: view.submit.text }) : null),
  );
  // Keep what was typed when the same modal comes back with errors.
  const before = root.querySelector("form");
  const typed = before ? readValues(before) : null;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await post("slack/submit", { user: ui.person, values: readValues(form) }).catch(showError);
  });
  form.addEventListener("keydown", (e) => e.key === "Escape" && closeModal());
  root.replaceChildren(el("div", { class: "backdrop" }, form));
  if (typed && view.errors) restore(form, typed);
  (form.querySelector(".bk-has-error input, .bk-has-error textarea, .bk-has-error select") ?? form.querySelector("input, select, textarea, button")).focus();
}

function restore(form, values) {
  for (const block of form.querySelectorAll("[data-block]")) {
    const v = Object.values(values[block.dataset.block] ?? {})[0];
    const control = block.querySelector("[data-action]");
    if (!v || !control) continue;
    if ("value" in v) control.value = v.value ?? "";
    else if (v.selected_date !== undefined) control.value = v.selected_date ?? "";
    else if (v.selected_time !== undefined) control.value = v.selected_time ?? "";
    else if (v.selected_options) for (const i of control.querySelectorAll("input")) i.checked = v.selected_options.some((o) => o.value === i.value);
    else if (control.tagName === "SELECT") {
      // A search menu's options come from the service again: keep the choice meanwhile.
      const o = v.selected_option;
      if (o && ![...control.options].some((x) => x.value === o.value)) control.append(el("option", { value: o.value, text: o.text?.text ?? o.value }));
      control.value = o?.value ?? "";
    }
    else for (const i of control.querySelectorAll("input")) i.checked = v.selected_option?.value === i.value;
  }
}

async function closeModal() {
  await post("slack/close", { user: ui.person }).catch(showError);
}

async function suggest(actionId, blockId, value) {
  const answer = await post("slack/suggest", { user: ui.person, actionId, blockId, value }).catch(() => null);
  return answer?.body?.options ?? [];
}

// ---------------------------------------------------------------- the rest
function showError(err) {
  $("calls").textContent = `Something went wrong: ${err.message}`;
}

function render() {
  if (!state) return;
  $("now").textContent = timeFormat.format(new Date(state.now));
  $("now").setAttribute("datetime", state.now);
  renderTelegram();
  renderSlack();
  renderModal();
  const calls = (o) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(", ");
  if (!$("calls").textContent.startsWith("Something")) $("calls").textContent = `Bot API calls: ${calls(state.calls.telegram)}. Slack Web API calls: ${calls(state.calls.slack)}.`;
}

let loading = null;
let again = false;
async function load() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      const res = await fetch("/sandbox/api/state");
      state = await res.json();
      render();
    } while (again);
  })().finally(() => (loading = null));
  return loading;
}

$("client").addEventListener("change", (e) => {
  ui.chatId = Number(e.target.value);
  remember("chat", String(ui.chatId));
  $("chat").replaceChildren();
  render();
});
$("person").addEventListener("change", (e) => {
  ui.person = e.target.value;
  remember("person", ui.person);
  ui.modalKey = "-";
  goTo(ui.place === "home" || ui.place === "dm" ? ui.place : "home");
});
$("say-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("say").value.trim();
  if (!text) return;
  $("say").value = "";
  say(text);
});
$("command-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const [command, ...rest] = $("command").value.trim().split(/\s+/);
  if (!command?.startsWith("/")) return;
  $("command").value = "";
  const place = places().find((x) => x.id === ui.place);
  post("slack/command", { user: ui.person, command, text: rest.join(" "), channel: place?.channel ?? dm(ui.person) }).catch(showError);
});
for (const b of document.querySelectorAll("[data-jump]")) b.addEventListener("click", () => post("clock", { jump: b.dataset.jump }).catch(showError));

// An image that arrives at the bottom makes the message taller once it has loaded: keep the newest in view.
for (const box of [$("chat"), $("surface")]) {
  box.addEventListener(
    "load",
    (e) => {
      if (e.target.tagName === "IMG" && box.lastElementChild?.contains(e.target)) box.scrollTop = box.scrollHeight;
    },
    true,
  );
}

new EventSource("/sandbox/api/events").onmessage = () => load();
setInterval(() => state && renderTelegram(), 1000);
load().then(() => ui.place === "home" && post("slack/home", { user: ui.person }).catch(showError));
