import type { Author, Presence, ServerMessage, TopicMatch } from "../api/protocol";
import { heardStatus, heardStatusKeepingLine } from "./statuses";
import type { Report } from "../api/protocol";
import { request } from "./tryst";

/** The content ratings an ad may carry; `adult` needs the adult opt-in, to post and to see. */
export const RATINGS = ["general", "mature", "adult"] as const;
export type Rating = (typeof RATINGS)[number];

/** An ad on the partner board (Views.Ad): `matches` say how it meets the viewing persona's boundaries. */
export interface Ad {
  id: string; persona: Author; title: string; text: string; topics: string[]; rating: Rating;
  postedAt: number; bumpedAt: number; expiresAt: number; matches: TopicMatch[];
  /** What the ad's persona shows now (absent on one's own ad), with its line when it has one. */
  status?: Presence; statusLine?: string;
}

/** What one look at the board shows a persona: the ads it may see, freshest first, and its own. */
export interface Seen { ads: Ad[]; mine: Ad | null }

/** What an ad says, as the form edits it. */
export interface Draft { title: string; text: string; topics: string[]; rating: Rating }

/** The board as the persona sees it, filtered by the server for its boundaries, blocks, mutes and opt-in. */
export async function board(persona: string): Promise<Seen> {
  const answer = await request<ServerMessage & Seen>("board.list", { persona });
  for (const ad of answer.ads) {
    if ("statusLine" in ad) heardStatus(ad.persona.id, ad.status, ad.statusLine);
    else heardStatusKeepingLine(ad.persona.id, ad.status);
  }
  return { ads: answer.ads, mine: answer.mine ?? null };
}

/** Posts the persona's ad, or edits the one it has up (which keeps its place on the board). */
export async function post(persona: string, draft: Draft): Promise<Ad> {
  return (await request<ServerMessage & { ad: Ad }>("board.post", { persona, ...draft })).ad;
}

/** Moves the persona's ad to the top; the server says when it may, if too soon. */
export async function bump(persona: string): Promise<Ad> {
  return (await request<ServerMessage & { ad: Ad }>("board.bump", { persona })).ad;
}

/** Takes the persona's ad off the board. */
export async function remove(persona: string): Promise<void> {
  await request("board.remove", { persona });
}

/** Reports an ad; the server files its own copy of it. */
export async function reportAd(persona: string, ad: Ad, reason: string, note: string): Promise<Report> {
  return (await request<ServerMessage & { report: Report }>("report.ad",
    { persona, ad: ad.id, reason, ...(note ? { note } : {}) })).report;
}

/** How one proposed topic of an ad meets the viewer: what the badge says, and whether it asks for a word first. */
export function badge(match: TopicMatch): { answer: string; caution: boolean } {
  const answer = match.to === undefined || match.to === null ? "unanswered" : match.to;
  return { answer, caution: match.flags.length > 0 };
}

/** The topics an ad asks for, with how each meets the viewer; the other rows of `matches` are their boundaries elsewhere. */
export function proposed(ad: Ad): TopicMatch[] {
  return ad.matches.filter((match) => match.proposed);
}

/** Topics where the ad's persona and the viewer disagree outright, outside what the ad asks for. */
export function mismatches(ad: Ad): TopicMatch[] {
  return ad.matches.filter((match) => !match.proposed && match.flags.length > 0);
}
