/** A job step that failed; the thrower says whether trying again can help. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly opts: {
      /** Trying again cannot help (400 Bad Request, unknown job kind, a coach without Slack). */
      permanent?: boolean;
      /** Telegram said 403: the client blocked the bot. */
      blocked?: boolean;
      /** Telegram or Slack said 429: wait this long; such a wait does not count as an attempt. */
      retryAfterSeconds?: number;
      /**
       * The request may have reached the other side before it failed (a connection reset or a
       * timeout after sending). The outbox then treats the message like one cut off by a crash.
       */
      uncertain?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "SendError";
  }
}

/** This instance's lease on a job ran out and another instance took it over: stop touching it. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} is no longer ours (its lease ran out)`);
    this.name = "LeaseLost";
  }
}
