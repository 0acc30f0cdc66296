import { describe, expect, it } from "vitest";
import { LeaseLost, SendError } from "../../src/jobs/errors.js";

describe("SendError", () => {
  it("is an Error with its own name, and no options unless given", () => {
    const err = new SendError("Telegram said 500");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("SendError");
    expect(err.message).toBe("Telegram said 500");
    expect(err.opts).toEqual({});
    expect(String(err)).toBe("SendError: Telegram said 500");
  });

  it("keeps what the thrower says about trying again", () => {
    const err = new SendError("429", { retryAfterSeconds: 7, uncertain: true });
    expect(err.opts).toEqual({ retryAfterSeconds: 7, uncertain: true });
    expect(new SendError("403", { permanent: true, blocked: true }).opts).toEqual({ permanent: true, blocked: true });
  });
});

describe("LeaseLost", () => {
  it("names the job whose lease ran out", () => {
    const err = new LeaseLost("job-42");
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(SendError);
    expect(err.name).toBe("LeaseLost");
    expect(err.message).toBe("Job job-42 is no longer ours (its lease ran out)");
  });
});
