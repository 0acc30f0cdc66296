/**
 * A gate for tests that order two sides by hand: one side waits (`await g.opened`) until the
 * other opens it (`g.open()`).
 */
export interface Gate {
  opened: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}
