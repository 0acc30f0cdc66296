/** The service killed 20 times while 30 clients talk, on PostgreSQL (test/jobs/crash-talk.ts). */
import { describe, it } from "vitest";
import { pgAvailable } from "../support/db.js";
import { CRASH_TALK_TIMEOUT, cleanUpAfterEach, crashTalkOnPostgres } from "./crash-talk.js";

describe("the service killed 20 times while 30 clients talk", () => {
  cleanUpAfterEach();
  it.runIf(pgAvailable())("on PostgreSQL: every answer gets its reply, nothing is sent twice but a marked re-ask", { timeout: CRASH_TALK_TIMEOUT }, crashTalkOnPostgres);
});
