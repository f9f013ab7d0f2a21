import { Refused } from "../api/socket";
import { keepsOut } from "../app/wellbeing";

/** A failure already in words for the person: a command that cannot be carried out as things stand, and what to do instead. */
export class Said extends Error {}

/**
 * The rules of what people type, as the server applies them (docs/protocol.md): a refusal for a
 * field's form says the rule rather than only that it was refused.
 */
export const RULES = {
  username: "A username is 3 to 32 of a–z, 0–9, _ . and -, starting with a letter or digit.",
  persona: "A persona name is 2 to 32 letters, digits, spaces or ' _ . -, starting with a letter.",
  channel: "A channel name is 2 to 32 of a–z, 0–9 and -.",
} as const;

/** Whether a name fits its rule, as the server would check it (look-alikes and scripts aside, which only it knows). */
export const FITS: Record<keyof typeof RULES, (name: string) => boolean> = {
  username: (name) => /^[a-z0-9][a-z0-9_.-]{2,31}$/.test(name.toLowerCase()),
  persona: (name) => /^\p{L}[\p{L}\p{N} '_.-]{1,31}$/u.test(name.trim().replace(/\s+/g, " ")),
  channel: (name) => /^[a-z0-9-]{2,32}$/.test(name),
};

const EXPLAINED: Record<string, string> = {
  invalid_credentials: "That username and password do not match an account.",
  too_many_attempts: "Too many tries. Wait a little, then try again.",
  rate_limited: "That was a lot at once. Wait a moment and try again.",
  username_taken: "That username, or one that looks like it, is taken; choose another.",
  password_length: "The password must be 8 to 1,024 characters.",
  password_common: "That password is among the most common ones and would be guessed at once; choose another.",
  adult_confirmation_required: "Tryst is for adults only: confirm that you are 18 or older.",
  name_taken: "That name, or one that looks like it, is taken; choose another.",
  name_confusable: "That name mixes alphabets or uses letters that imitate others; write it in one alphabet.",
  too_many_personas: "You have as many personas as this server allows.",
  not_found: "That does not exist, or is not visible to you.",
  not_your_persona: "That persona is not yours.",
  already_member: "You are already there.",
  not_member: "You are not a member there.",
  forbidden: "You may not do that here.",
  text_too_long: "That is longer than this server allows.",
  wrong_password: "Your current password is not that.",
  age_assurance_required: "This server asks its members to verify that they are adults first: see Age verification on the Account page.",
  wrong_code: "That code is wrong or was used already: type the one your app shows now.",
  login_expired: "That log-in waited too long or took too many wrong codes: log in again.",
  session_invalid: "Your session ended. Log in again.",
  offline: "You are offline; Tryst keeps trying to reconnect.",
  cooling_off: "That persona does not want invitations from you for now.",
  unknown_topic: "That topic is not in this server's list.",
  agreement_mismatch: "That is not what the invitation proposes; nothing was accepted.",
  no_transcript_request: "Nobody has asked to keep a transcript of this scene.",
  transcript_not_agreed: "Not everyone in this scene agrees to keeping a transcript, so it cannot be exported.",
  invalid_message: "The server did not accept that.",
  muted: "A moderator muted your account for now: you cannot post in channels or invite.",
  suspended: "A moderator suspended your account for now.",
  banned: "A moderator banned this account or persona.",
  channel_closed: "That channel was closed.",
  not_in_world: "You are not in the world on this device; open the World to enter it again.",
  unknown_command: "That is no command of the world; type help to see them.",
  no_exit: "There is no way out by that name here.",
  locked: "That is locked to you.",
  adult_area: "That room is rated adult, and you have not chosen to enter adult areas: the world's settings let you (@adult on).",
  quota_exceeded: "You have built as much as this server lets one persona build.",
  daily_limit: "Today's time, as you limited it, is used up.",
  quiet_hours: "These are your quiet hours.",
  excluded: "You excluded yourself from Tryst for now; nobody can lift it early.",
  internal: "The server failed. Try again in a moment.",
};

/**
 * A failure in words a person understands, from the server's stable error codes. With `rule`, a
 * refusal of the request's form (`invalid_message`) says the rule of what was typed.
 */
export function explain(failure: unknown, rule?: keyof typeof RULES): string {
  if (failure instanceof Said) return failure.message;
  if (failure instanceof Refused) {
    if (rule && failure.code === "invalid_message") return RULES[rule];
    // A limit of one's own says until when on its own page; seconds would only hurry the person.
    const wait = failure.retryAfterMs && !keepsOut(failure.code) ? ` (about ${Math.ceil(failure.retryAfterMs / 1000)} s)` : "";
    return (EXPLAINED[failure.code] ?? failure.message) + wait;
  }
  return "Something went wrong. Try again.";
}
