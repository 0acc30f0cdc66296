/**
 * `npm run koers -- clients list [--coach <name>]` (status, last contact, last scores) and
 * `clients show <name or id>`: the same client file as the Slack modal, found by invite name or
 * chosen name; more than one match gives the list to choose from (by id). Every `show` is
 * audited (actor ADMIN: whoever runs the CLI has the database). With the embedded database the
 * service must be stopped first: PGlite is one process's database and its folder is locked.
 */
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { parseOptions, runOnDatabase, usageError } from "./run.js";
import { audit } from "../domain/audit.js";
import { notSharingWithCoach } from "../domain/consent.js";
import { ACCESS_REASONS, isAccessReason, loadClientFile, SCALE_KINDS } from "../domain/client-file.js";
import { clientFileText, clientFileView } from "../domain/client-file-view.js";
import { formatDate } from "../i18n-format.js";
import { firstName } from "../domain/clients.js";
import { createSlackTranslator } from "../i18n-slack.js";

export const CLIENTS_USAGE = `  clients list [--coach <name>]            clients with status, last contact and last scores
  clients show <name or id> --reason <r>    the client file (goal, scores, conversations, ...); r: ${ACCESS_REASONS.join(", ")}; audited with it`;

class ClientsUsageError extends Error {}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function clientsList(db: Database, coach?: string): Promise<string> {
  const clients = await db.prisma.client.findMany({
    where: coach ? { coach: { name: coach } } : {},
    include: { coach: true, scores: { orderBy: { at: "desc" }, take: 20 } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (!clients.length) return coach ? `No clients of coach "${coach}".` : "No clients.";
  const hidden = await db.prisma.$transaction(async (tx) => {
    // Whoever runs the CLI looks at these clients' data as the service's administrator: one row each.
    for (const c of clients) await audit(tx, { actorKind: "ADMIN", action: "caseload.viewed", clientId: c.id, detail: { via: "cli.list", why: "administration" } });
    return notSharingWithCoach(tx, clients.map((c) => c.id));
  });
  const header = coach ? `Clients of coach ${coach} (${clients.length}); this view is in the audit log.` : `All clients (${clients.length}); this view is in the audit log.`;
  return header + "\n" + clients
    .map((c) => {
      const last = c.lastClientMessageAt ? formatDate(c.lastClientMessageAt, "short", "nl") : "never";
      const scores = SCALE_KINDS.map((k) => [k, hidden.has(c.id) ? undefined : c.scores.find((s) => s.kind === k)] as const)
        .filter(([, s]) => s)
        .map(([k, s]) => `${k.toLowerCase()} ${s?.score}`)
        .join(", ");
      return `${c.id}  ${firstName(c)} (${c.name}), coach ${c.coach.name}, ${c.status.toLowerCase()}, last contact ${last}${scores ? `, last scores: ${scores}` : ""}`;
    })
    .join("\n");
}

export async function clientsShow(db: Database, ref: string, now = new Date(), reason?: string): Promise<string> {
  const r = ref.trim();
  if (!r) throw new ClientsUsageError("Give the client's name or id: clients show <name or id>.");
  // Whoever runs the CLI has no caseload of their own: the file opens only with a reason, which is audited.
  if (!isAccessReason(reason)) throw new ClientsUsageError(`Say why you open this file: --reason ${ACCESS_REASONS.join("|")} (it goes into the audit log with the view).`);
  // The chosen name is sealed at rest (src/db/sealed.ts) and cannot be searched in SQL: it is
  // compared opened, here.
  const wanted = r.toLocaleLowerCase("nl");
  const matches = UUID.test(r)
    ? await db.prisma.client.findMany({ where: { id: r }, include: { coach: true } })
    : (await db.prisma.client.findMany({ include: { coach: true }, orderBy: { createdAt: "asc" } })).filter(
        (c) => c.name.toLocaleLowerCase("nl") === wanted || (c.callName ?? "").toLocaleLowerCase("nl") === wanted,
      );
  if (!matches.length) throw new ClientsUsageError(`No client called "${r}" (invite name or chosen name).`);
  if (matches.length > 1) {
    return [`${matches.length} clients match "${r}"; show one by id:`, ...matches.map((c) => `${c.id}  ${firstName(c)} (${c.name}), coach ${c.coach.name}, ${c.status.toLowerCase()}`)].join("\n");
  }
  const id = matches[0]?.id ?? "";
  const file = await db.prisma.$transaction(async (tx) => {
    await audit(tx, { actorKind: "ADMIN", action: "clientFile.viewed", clientId: id, detail: { via: "cli.show", why: reason } });
    return loadClientFile(tx, id);
  });
  if (!file) throw new ClientsUsageError(`No client "${r}".`);
  const t = createSlackTranslator("nl");
  const [title, subtitle, ...rest] = clientFileText(clientFileView(t, file, now)).trimEnd().split("\n");
  return [title, subtitle, t("file.why", { why: t(`file.reason.${reason}`) }), ...rest].join("\n");
}

export async function runClients(config: Config, args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "list" && sub !== "show") {
    return usageError(err, sub ? `Unknown command "clients ${sub}".` : "Give a clients command.", CLIENTS_USAGE);
  }
  const parsed = parseOptions({ args: rest, options: { coach: { type: "string" }, reason: { type: "string" } }, allowPositionals: true }, err, CLIENTS_USAGE);
  if (!parsed) return 2;
  return runOnDatabase(config, out, err, { error: ClientsUsageError, code: 1 }, (db) =>
    sub === "list" ? clientsList(db, parsed.values.coach) : clientsShow(db, parsed.positionals.join(" "), new Date(), parsed.values.reason),
  );
}
