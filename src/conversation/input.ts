/** What the engine, its fast path, the crisis check and flood control read of an incoming update. */

/** What a client sent, already taken out of Telegram's update shape. */
export type ClientInput =
  | { kind: "command"; command: string; args: string }
  | { kind: "text"; text: string }
  | { kind: "button"; data: string }
  /** A photo, file, voice note...; `caption` is the text sent with it. */
  | { kind: "media"; media: string; caption?: string }
  /** A message the client changed afterwards: only read for crisis signals. */
  | { kind: "edited"; text: string };

export interface IncomingMessage {
  /** Telegram's update_id: the same update delivered twice is handled once. */
  updateId?: number;
  chatId: number;
  languageCode?: string;
  input: ClientInput;
}
