import type { Member } from "../../generated/prisma/client.js";

/**
 * How a member is named in Slack texts (threads, direct messages): a mention when we know their
 * Slack id, else their name without Slack's markup characters.
 */
export function memberLabel(member: Member): string {
  return member.slackUserId ? `<@${member.slackUserId}>` : member.name.replace(/[<>&]/g, "");
}
