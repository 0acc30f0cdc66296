import { aftercare } from "./aftercare.js";
import { checkin } from "./checkin.js";
import { clarifying } from "./clarifying.js";
import { closing } from "./closing.js";
import { evaluation } from "./evaluation.js";
import { grow } from "./grow.js";
import { ladder } from "./ladder.js";
import { menu } from "./menu.js";
import { miracle } from "./miracle.js";
import { onboarding } from "./onboarding.js";
import { referralConsent } from "./referral-consent.js";
import { referralList } from "./referral-list.js";
import { reminders } from "./reminders.js";
import { scaling } from "./scaling.js";
import type { FlowDefinition } from "./types.js";

/** Every conversation the engine can run, by id. */
export const flowRegistry: Record<string, FlowDefinition> = {
  [onboarding.id]: onboarding,
  [grow.id]: grow,
  [miracle.id]: miracle,
  [scaling.id]: scaling,
  [checkin.id]: checkin,
  [reminders.id]: reminders,
  [menu.id]: menu,
  // the participation-ladder question, asked when the coach asks for it
  [ladder.id]: ladder,
  // the trajectory: clarifying the question, evaluation, closing, check-ins after closing
  [clarifying.id]: clarifying,
  [evaluation.id]: evaluation,
  [closing.id]: closing,
  [aftercare.id]: aftercare,
  // Referrals: started by src/domain/referrals/service.ts and /verwijzingen
  [referralConsent.id]: referralConsent,
  [referralList.id]: referralList,
};

export type { FlowDefinition } from "./types.js";
