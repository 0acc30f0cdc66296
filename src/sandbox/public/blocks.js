/* global document */
/**
 * A reasonable subset of Slack's Block Kit, rendered to plain HTML from the JSON Koers sent:
 * header, section (mrkdwn text, fields, accessory), context, divider, actions (button,
 * static_select, external_select), input (plain_text_input, static_select, external_select,
 * datepicker, timepicker, checkboxes, radio_buttons) and image. Other block and element types are
 * shown as a labelled placeholder, so nothing disappears silently.
 */

let uid = 0;
const nextId = (p) => `${p}-${++uid}`;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "html") node.innerHTML = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const escapeHtml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Slack's mrkdwn: *bold*, _italic_, ~strike~, `code`, <links|label>, <@U123> mentions, newlines. */
export function mrkdwn(src, names = {}) {
  const text = String(src ?? "");
  const format = (part) =>
    // Slack escapes &, < and > itself; anything else is escaped here.
    part
      .replace(/&(?!amp;|lt;|gt;)/g, "&amp;")
      .replace(/"/g, "&quot;")
      .replace(/`([^`\n]+)`/g, "<code>$1</code>")
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,:;!?)])/g, "$1<strong>$2</strong>")
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,:;!?)])/g, "$1<em>$2</em>")
      .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s.,:;!?)])/g, "$1<del>$2</del>")
      .replace(/\n/g, "<br>");
  const special = (inner) => {
    const [target, label] = inner.split("|");
    if (target.startsWith("@")) return `<span class="mention">@${escapeHtml(names[target.slice(1)] ?? label ?? target.slice(1))}</span>`;
    if (target.startsWith("#")) return `<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
    if (target.startsWith("!")) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
    if (/^https?:\/\//.test(target)) return `<a href="${escapeHtml(target)}" target="_blank" rel="noopener">${escapeHtml(label ?? target)}</a>`;
    return escapeHtml(`<${inner}>`);
  };
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/<([^<>\n]+)>/g)) {
    out += format(text.slice(last, m.index)) + special(m[1]);
    last = m.index + m[0].length;
  }
  return out + format(text.slice(last));
}

function textObject(t, names) {
  if (!t) return el("span");
  return t.type === "mrkdwn" ? el("span", { html: mrkdwn(t.text, names) }) : el("span", { text: t.text });
}

/** An image block or element: by URL, or a file uploaded to Slack before (`slack_file`). */
const imageSource = (b) => b.image_url ?? (b.slack_file?.id ? `/sandbox/api/file?id=${encodeURIComponent(b.slack_file.id)}` : b.slack_file?.url ?? "");

const placeholder = (what, type) => el("div", { class: "bk-unknown", role: "note", text: `[${what} "${type}" is not shown in the sandbox]` });

/**
 * An interactive element. `ctx.onAction(action)` gets Slack's action object for buttons and
 * menus outside inputs; inside an input block (`inInput`) the element only keeps its value, read
 * by `readValues` at submit.
 */
function element(e, ctx, blockId, inInput, labelText) {
  const id = nextId("bk");
  const act = (extra) => ctx.onAction({ type: e.type, action_id: e.action_id, block_id: blockId, ...extra });
  switch (e.type) {
    case "button":
      return el("button", { type: "button", class: `bk-button ${e.style ? `bk-${e.style}` : ""}`, onclick: () => act({ value: e.value, text: e.text }), text: e.text?.text ?? "" });
    case "static_select":
    case "external_select": {
      const select = el(
        "select",
        { id, "data-type": e.type, "data-action": e.action_id, "aria-label": inInput ? null : labelText ?? e.placeholder?.text ?? "Choose" },
        el("option", { value: "", text: e.placeholder?.text ?? "Kies..." }),
        ...(e.options ?? (e.initial_option ? [e.initial_option] : [])).map((o) => el("option", { value: o.value, text: o.text?.text ?? o.value, selected: e.initial_option?.value === o.value })),
      );
      if (e.type === "external_select" && ctx.suggest) {
        const search = el("input", { type: "search", "aria-label": `Search options for ${labelText ?? "this menu"}`, class: "bk-search" });
        // Like Slack: ask the service for options as the person types (a block_suggestion), and
        // at once when the menu needs no typed text (min_query_length 0).
        const load = async () => {
          const query = search.value;
          if (query.length < (e.min_query_length ?? 3)) return;
          const options = await ctx.suggest(e.action_id, blockId, query);
          if (query !== search.value) return;
          const keep = select.value;
          select.replaceChildren(
            el("option", { value: "", text: e.placeholder?.text ?? "Kies..." }),
            ...(keep && !options.some((o) => o.value === keep) ? [select.selectedOptions[0]] : []),
            ...options.map((o) => el("option", { value: o.value, text: o.text?.text ?? o.value })),
          );
          select.value = keep;
        };
        search.addEventListener("input", () => void load());
        void load();
        if (!inInput) select.addEventListener("change", () => select.value && act({ selected_option: { value: select.value, text: { type: "plain_text", text: select.selectedOptions[0]?.textContent } } }));
        return el("span", { class: "bk-external" }, search, select);
      }
      if (!inInput) select.addEventListener("change", () => select.value && act({ selected_option: { value: select.value, text: { type: "plain_text", text: select.selectedOptions[0]?.textContent } } }));
      return select;
    }
    case "plain_text_input":
      return e.multiline
        ? el("textarea", { id, rows: 3, maxlength: e.max_length, "data-type": e.type, "data-action": e.action_id, placeholder: e.placeholder?.text, text: e.initial_value ?? "" })
        : el("input", { id, type: "text", maxlength: e.max_length, "data-type": e.type, "data-action": e.action_id, placeholder: e.placeholder?.text, value: e.initial_value ?? "" });
    case "datepicker":
      return el("input", { id, type: "date", "data-type": e.type, "data-action": e.action_id, value: e.initial_date ?? "" });
    case "timepicker":
      return el("input", { id, type: "time", "data-type": e.type, "data-action": e.action_id, value: e.initial_time ?? "" });
    case "checkboxes":
    case "radio_buttons": {
      const name = nextId("grp");
      const initial = new Set([...(e.initial_options ?? []), ...(e.initial_option ? [e.initial_option] : [])].map((o) => o.value));
      return el(
        "div",
        { class: "bk-options", "data-type": e.type, "data-action": e.action_id, id },
        ...(e.options ?? []).map((o) => {
          const inputId = nextId("opt");
          return el(
            "div",
            { class: "bk-option" },
            el("input", { type: e.type === "checkboxes" ? "checkbox" : "radio", id: inputId, name, value: o.value, checked: initial.has(o.value), "data-label": o.text?.text ?? o.value }),
            el("label", { for: inputId }, textObject(o.text, ctx.names)),
          );
        }),
      );
    }
    case "image":
      return el("img", { src: imageSource(e), alt: e.alt_text ?? "", class: "bk-thumb" });
    default:
      return placeholder("element", e.type);
  }
}

function inputBlock(b, ctx) {
  const group = b.element?.type === "checkboxes" || b.element?.type === "radio_buttons";
  const control = element(b.element ?? {}, ctx, b.block_id, true, b.label?.text);
  const controlId = control.id || control.querySelector?.("[id]")?.id;
  const label = b.label?.text ?? "";
  const error = ctx.errors?.[b.block_id];
  const errorId = error ? nextId("err") : null;
  const hint = b.hint ? el("div", { class: "bk-hint", id: nextId("hint"), text: b.hint.text }) : null;
  if (!group && controlId) {
    const target = control.id ? control : control.querySelector(`#${controlId}`);
    if (errorId) target.setAttribute("aria-describedby", errorId);
    else if (hint) target.setAttribute("aria-describedby", hint.id);
    if (!b.optional) target.setAttribute("aria-required", "true");
  }
  const head = group
    ? el("legend", {}, label, b.optional ? el("span", { class: "bk-optional", text: " (optional)" }) : null)
    : el("label", { for: controlId }, label, b.optional ? el("span", { class: "bk-optional", text: " (optional)" }) : null);
  return el(
    group ? "fieldset" : "div",
    { class: `bk-input ${error ? "bk-has-error" : ""}`, "data-block": b.block_id },
    head,
    control,
    hint,
    error ? el("div", { class: "bk-error", id: errorId, role: "alert", text: error }) : null,
  );
}

export function renderBlocks(blocks, ctx) {
  const out = [];
  for (const b of blocks ?? []) {
    switch (b.type) {
      case "header":
        out.push(el("h3", { class: "bk-header", text: b.text?.text ?? "" }));
        break;
      case "section":
        out.push(
          el(
            "div",
            { class: "bk-section" },
            el(
              "div",
              { class: "bk-section-body" },
              b.text ? el("div", { class: "bk-text" }, textObject(b.text, ctx.names)) : null,
              b.fields ? el("div", { class: "bk-fields" }, ...b.fields.map((f) => el("div", { class: "bk-field" }, textObject(f, ctx.names)))) : null,
            ),
            b.accessory ? el("div", { class: "bk-accessory" }, element(b.accessory, ctx, b.block_id, false)) : null,
          ),
        );
        break;
      case "context":
        out.push(el("div", { class: "bk-context" }, ...(b.elements ?? []).map((e) => (e.type === "image" ? el("img", { src: imageSource(e), alt: e.alt_text ?? "", class: "bk-icon" }) : textObject(e, ctx.names)))));
        break;
      case "divider":
        out.push(el("hr", { class: "bk-divider" }));
        break;
      case "actions":
        out.push(el("div", { class: "bk-actions", role: "group" }, ...(b.elements ?? []).map((e) => element(e, ctx, b.block_id, false))));
        break;
      case "input":
        out.push(inputBlock(b, ctx));
        break;
      case "image":
        out.push(el("figure", { class: "bk-image" }, el("img", { src: imageSource(b), alt: b.alt_text ?? "" }), b.title ? el("figcaption", { text: b.title.text }) : null));
        break;
      default:
        out.push(placeholder("block", b.type));
    }
  }
  return out;
}

/** The state of a modal's inputs, as Slack sends it in view.state.values. */
export function readValues(form) {
  const values = {};
  for (const block of form.querySelectorAll("[data-block]")) {
    const control = block.querySelector("[data-action]");
    if (!control) continue;
    const type = control.dataset.type;
    let v;
    if (type === "plain_text_input") v = { type, value: control.value };
    else if (type === "static_select" || type === "external_select") v = { type, selected_option: control.value ? { value: control.value, text: { type: "plain_text", text: control.selectedOptions[0]?.textContent ?? "" } } : null };
    else if (type === "datepicker") v = { type, selected_date: control.value || null };
    else if (type === "timepicker") v = { type, selected_time: control.value || null };
    else if (type === "checkboxes") v = { type, selected_options: [...control.querySelectorAll("input:checked")].map((i) => ({ value: i.value, text: { type: "plain_text", text: i.dataset.label } })) };
    else if (type === "radio_buttons") {
      const i = control.querySelector("input:checked");
      v = { type, selected_option: i ? { value: i.value, text: { type: "plain_text", text: i.dataset.label } } : null };
    } else continue;
    values[block.dataset.block] = { [control.dataset.action]: v };
  }
  return values;
}
