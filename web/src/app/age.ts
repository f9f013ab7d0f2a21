import { signal } from "@preact/signals";

/** Where the account stands with the server's age verification (GET /api/age). */
export interface AgeStanding { required: boolean; available: boolean; verified: boolean; verifiedAt: number | null }

export async function ageStanding(): Promise<AgeStanding> {
  const response = await fetch("/api/age", { credentials: "same-origin" });
  if (!response.ok) throw new Error("age verification cannot be asked about now");
  return response.json();
}

/** Goes to the age provider; it sends the browser back to the account page with the result. */
export function verifyAge(): void {
  location.assign("/api/age/start");
}

/** What the provider's return said ("#/account?age=verified", or refused with why), read from the address once. */
export interface AgeReturn { verified: boolean; why?: string }

export function readAgeReturn(hash: string): AgeReturn | null {
  const match = /^#\/account\?(.*)$/.exec(hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1]);
  if (params.get("age") === "verified") return { verified: true };
  if (params.get("age") === "refused") return { verified: false, why: params.get("why") ?? undefined };
  return null;
}

/** The return from the provider this page was opened with, taken off the address so that a reload does not show it again. */
export const ageReturn = signal<AgeReturn | null>(null);

if (typeof location !== "undefined") {
  ageReturn.value = readAgeReturn(location.hash);
  if (ageReturn.value) history.replaceState(null, "", location.pathname);
}

const WHY: Record<string, string> = {
  under_age: "The provider did not confirm that you are 18 or older.",
  no_claim: "The provider did not say whether you are 18 or older.",
  cancelled: "The check was cancelled at the provider.",
  provider: "The age provider could not be reached; try again later.",
  invalid_token: "The provider's answer could not be trusted, so nothing was recorded.",
  expired: "The check took too long or was started elsewhere; start it again.",
};

/** The sentence for a refused check. */
export const refusal = (why?: string) => (why && WHY[why]) ?? "Your age could not be verified.";
