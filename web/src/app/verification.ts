import { effect, signal } from "@preact/signals";
import { verifiedShelf } from "./device";
import { sceneEpochs, scenes } from "./state";

/**
 * Verified safety numbers, the way Signal marks a verified contact: once a person has compared the
 * number with a partner (read aloud, face to face, or from the QR code) they mark it verified, and
 * a mark stands beside the partner's name while the number stays the same. When it differs, the
 * mark goes and the scene says so, once, until they compare again and re-verify, or dismiss it. A
 * new device on either side changes the number, and so would someone sitting between the two.
 * Per own persona and partner persona, like the number; kept on this device only, never sent.
 */
export interface Verification {
  /** This device's persona. */
  mine: string;
  partner: string;
  /** The safety number as it was when verified, in twelve groups of five digits. */
  number: string;
  /** The number seen since differs: no mark, and a notice in the scene until re-verified or dismissed. */
  changed: boolean;
}

export type Standing = "unverified" | "verified" | "changed";

/** Where the verifications are kept (IndexedDB in the browser; memory in tests). */
export interface Shelf {
  all(): Promise<Verification[]>;
  put(record: Verification): Promise<void>;
  remove(mine: string, partner: string): Promise<void>;
}

/** What watching needs of the scenes: this device's persona in one, and a pair's number there now. */
export interface Numbers {
  mine(sceneId: string): string | undefined;
  /** Rejects when the partner has no device in the scene's group (yet, or any more). */
  number(sceneId: string, partner: string): Promise<string>;
}

const pair = (mine: string, partner: string) => `${mine} ${partner}`;

/** A verification after its pair's number was seen to be `current`: the same record, unless this is the moment it changed. */
export function seen(known: Verification | undefined, current: string): Verification | undefined {
  if (!known || known.changed || known.number === current) return known;
  return { ...known, changed: true };
}

export function standingOf(known: Verification | undefined): Standing {
  if (!known) return "unverified";
  return known.changed ? "changed" : "verified";
}

/** This device's verifications, as a signal the screen follows, and kept on their shelf. */
export class Verifications {
  readonly marks = signal<ReadonlyMap<string, Verification>>(new Map());
  /** The epoch and verified number each scene's pair was last compared at: a pair is compared once per epoch. */
  private readonly compared = new Map<string, string>();

  constructor(private readonly shelf: Shelf) {}

  async load(): Promise<void> {
    const all = await this.shelf.all();
    this.marks.value = new Map(all.map((record) => [pair(record.mine, record.partner), record]));
    this.compared.clear();
  }

  standing(mine: string, partner: string): Standing {
    return standingOf(this.marks.value.get(pair(mine, partner)));
  }

  /** Marks the number the person compared as verified, or verified again after it changed. */
  async verify(mine: string, partner: string, number: string): Promise<void> {
    const record: Verification = { mine, partner, number, changed: false };
    await this.shelf.put(record);
    this.set(record);
  }

  /** Forgets the verification: no mark and no notice, as before it was ever verified. */
  async dismiss(mine: string, partner: string): Promise<void> {
    await this.shelf.remove(mine, partner);
    const next = new Map(this.marks.value);
    next.delete(pair(mine, partner));
    this.marks.value = next;
  }

  /**
   * Compares the verified numbers of a scene's partners with their numbers now, once per epoch of
   * the scene (only a commit changes who holds which keys), and returns the partners whose number
   * changed just now. A partner without a device in the group yet is compared at a later epoch.
   */
  async check(sceneId: string, epoch: string, mine: string, partners: readonly string[],
    numberOf: (partner: string) => Promise<string>): Promise<string[]> {
    const changed: string[] = [];
    for (const partner of partners) {
      const known = this.marks.value.get(pair(mine, partner));
      if (!known || known.changed) continue;
      const where = `${sceneId} ${partner}`;
      const when = `${epoch} ${known.number}`;
      if (this.compared.get(where) === when) continue;
      this.compared.set(where, when);
      let current: string;
      try {
        current = await numberOf(partner);
      } catch {
        this.compared.delete(where);
        continue;
      }
      // The person may have verified again, or dismissed, while the number was being computed.
      const latest = this.marks.value.get(pair(mine, partner));
      const next = seen(latest, current);
      if (next && next !== latest) {
        await this.shelf.put(next);
        this.set(next);
        changed.push(partner);
      }
    }
    return changed;
  }

  /** Forgets what is in memory (the shelf stays, as the device does). */
  forget(): void {
    this.marks.value = new Map();
    this.compared.clear();
  }

  private set(record: Verification): void {
    this.marks.value = new Map(this.marks.value).set(pair(record.mine, record.partner), record);
  }
}

/** This browser's verifications, kept in IndexedDB beside the device. */
export const verifications = new Verifications(verifiedShelf);
let watching = false;

/**
 * After each hello: loads this device's verifications, and from then on compares them whenever a
 * scene moves to a new epoch or a number is verified.
 */
export async function start(numbers: Numbers): Promise<void> {
  await verifications.load();
  if (watching) return;
  watching = true;
  effect(() => {
    const marks = verifications.marks.value;
    for (const [sceneId, { epoch }] of sceneEpochs.value) {
      const scene = scenes.value.get(sceneId);
      const mine = scene && numbers.mine(sceneId);
      if (!scene || !mine) continue;
      const partners = scene.members.map((member) => member.id).filter((id) => id !== mine && marks.has(pair(mine, id)));
      // A shelf that cannot be written leaves the mark as it was; the next epoch compares again.
      if (partners.length > 0) verifications.check(sceneId, epoch, mine, partners, (partner) => numbers.number(sceneId, partner)).catch(() => undefined);
    }
  });
}
