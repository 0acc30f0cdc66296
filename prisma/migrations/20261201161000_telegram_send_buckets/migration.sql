-- CreateTable
CREATE TABLE "TelegramSendBucket" (
    "key" TEXT NOT NULL,
    "tat" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TelegramSendBucket_pkey" PRIMARY KEY ("key")
);

-- The whole bot's bucket. Every take locks this row first, so the takes of all instances are
-- serialised on it.
INSERT INTO "TelegramSendBucket" ("key", "tat") VALUES ('*', 0);

-- Takes one send to `chat` within Telegram's limits, for every instance on this database at once
-- (src/jobs/rate-limit.ts, databaseSendLimiter; the same GCRA as the in-process limiter, with
-- times from the database's clock). Reserved: the caller sends after `wait` ms; the bot's slot and
-- the chat's are taken. Not reserved (the chat must wait first, or the bot's queue is longer than
-- `max_wait`): nothing is taken, ask again after `wait` ms. The crisis answer (`urgent`) skips the
-- chat's pacing and the bot's queue, and still counts in both.
CREATE FUNCTION koers_take_send_slot(
  chat text, urgent boolean, max_wait double precision,
  global_interval double precision, global_tolerance double precision,
  chat_interval double precision, chat_tolerance double precision,
  OUT wait double precision, OUT reserved boolean)
LANGUAGE plpgsql AS $$
DECLARE
  now_ms double precision;
  global_tat double precision;
  chat_tat double precision;
  send_at double precision;
BEGIN
  SELECT b.tat INTO global_tat FROM "TelegramSendBucket" b WHERE b.key = '*' FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "TelegramSendBucket" ("key", "tat") VALUES ('*', 0) ON CONFLICT DO NOTHING;
    SELECT b.tat INTO global_tat FROM "TelegramSendBucket" b WHERE b.key = '*' FOR UPDATE;
  END IF;
  -- After the lock: the clock and the chat's row are read as the previous take left them.
  now_ms := extract(epoch FROM clock_timestamp()) * 1000;
  SELECT b.tat INTO chat_tat FROM "TelegramSendBucket" b WHERE b.key = chat;
  chat_tat := coalesce(chat_tat, 0);
  reserved := false;
  -- Below a microsecond is float rounding, not a real wait.
  IF NOT urgent AND chat_tat - chat_tolerance - now_ms > 0.001 THEN
    wait := chat_tat - chat_tolerance - now_ms;
    RETURN;
  END IF;
  send_at := CASE WHEN urgent THEN now_ms ELSE greatest(now_ms, global_tat - global_tolerance) END;
  wait := send_at - now_ms;
  IF wait > max_wait THEN
    RETURN;
  END IF;
  UPDATE "TelegramSendBucket" SET tat = greatest(global_tat, send_at) + global_interval WHERE key = '*';
  INSERT INTO "TelegramSendBucket" AS b ("key", "tat") VALUES (chat, send_at + chat_interval)
    ON CONFLICT ("key") DO UPDATE SET tat = greatest(b.tat, send_at) + chat_interval;
  reserved := true;
  -- Now and then drop the chats whose bucket is full again: they carry no information.
  IF random() < 0.001 THEN
    DELETE FROM "TelegramSendBucket" WHERE key <> '*' AND tat < now_ms;
  END IF;
END $$;
