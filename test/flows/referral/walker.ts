/** Steps a referral machine (flows/referral/) purely: its state and what it tells whom after each event. */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from "xstate";
import type { ReferralEvent, Tell } from "../../../flows/referral/setup.js";

export type Step = { snap: AnyMachineSnapshot; tells: Tell[] };

const tellsOf = (actions: readonly { type: string; params?: unknown }[]) => actions.filter((a) => a.type === "tell").map((a) => a.params as Tell);

export function walker(m: AnyStateMachine) {
  const begin = (): Step => {
    const [snap, actions] = initialTransition(m);
    return { snap, tells: tellsOf(actions) };
  };
  const step = (from: Step, event: ReferralEvent): Step => {
    const [snap, actions] = transition(m, from.snap, event);
    return { snap, tells: tellsOf(actions) };
  };
  return {
    begin,
    step,
    walk: (events: ReferralEvent[], from: Step = begin()) => events.reduce(step, from),
    state: (s: Step) => s.snap.value as string,
    tellKeys: (s: Step) => s.tells.map((t) => `${t.to}:${t.key}`),
  };
}
