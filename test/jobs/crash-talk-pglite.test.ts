/** The service killed 20 times while 30 clients talk, on the embedded database (test/jobs/crash-talk.ts). */
import { describe, it } from "vitest";
import { CRASH_TALK_TIMEOUT, cleanUpAfterEach, crashTalkOnPglite } from "./crash-talk.js";

describe("the service killed 20 times while 30 clients talk", () => {
  cleanUpAfterEach();
  it("on the embedded database (PGlite): every answer gets its reply, nothing is sent twice but a marked re-ask", { timeout: CRASH_TALK_TIMEOUT }, crashTalkOnPglite);
});
