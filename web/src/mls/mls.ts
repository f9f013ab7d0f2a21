/**
 * Everything Tryst needs from MLS (RFC 9420, cipher suite 1), in our own terms, as the Java
 * client's `Mls` has it, so that the library underneath stays replaceable and both clients behave
 * alike in a shared scene. One `Mls` is one device: its signature key, the secrets of its unused
 * KeyPackages, and its groups. Operations that touch keys are asynchronous (WebCrypto is) and run
 * one at a time per device, so that two sends never take the same key and nonce.
 *
 * Handshake messages go out as PublicMessage, which the server reads to enforce consent, and
 * application data goes out as PrivateMessage, exactly as the Java client sends them.
 */

/** A member's place in a group: its leaf, the persona its credential names, and its device's signature key. */
export interface Member {
  leaf: number;
  personaId: string;
  signatureKey: Uint8Array;
}

/** A commit made but not yet accepted by the server: its PublicMessage, and a Welcome when it adds members. */
export interface Commit {
  message: Uint8Array;
  welcome?: Uint8Array;
}

/** What handling an incoming message did. */
export type Handled =
  /** An application message: who sent it, its authenticated data and its plaintext. */
  | { kind: "application"; sender: Member; authenticatedData: Uint8Array; plaintext: Uint8Array }
  /** A proposal (the server's removal of a member who left) was stored; the next commit carries it. */
  | { kind: "proposalStored" }
  /** A commit moved the group to a new epoch. */
  | { kind: "newEpoch"; epoch: bigint }
  /** A commit removed this device: the group is over for it, and the caller forgets it. */
  | { kind: "removed" };

/** One device's view of one group at its current epoch. */
export interface Group {
  /** The scene id whose UTF-8 bytes are the MLS group id. */
  readonly id: string;

  /** The current epoch; MLS epochs are 64-bit, and the protocol's JSON numbers convert with BigInt(). */
  epoch(): bigint;

  /** Equal for every member at the same epoch: what members compare to know they agree. */
  epochAuthenticator(): Uint8Array;

  /** This device's leaf. */
  ownLeaf(): number;

  /** The members, by leaf. */
  members(): Member[];

  /** True when proposals wait for a commit (the server's removal of a member who left). */
  hasPendingProposals(): boolean;

  /** The leaves that stored proposals remove: members on their way out, still in the tree until the next commit. */
  pendingRemovals(): Set<number>;

  /** Encrypts application data at the current epoch, as a PrivateMessage (an MLSMessage). */
  protect(authenticatedData: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array>;

  /**
   * Commits the stored proposals (by reference) plus Adds of these KeyPackages (MLSMessages) and
   * Removes of these leaves, as a PublicMessage. The group stays at its epoch until
   * {@link confirm} (the server accepted the commit) or {@link discard} (it refused it).
   */
  commit(addKeyPackages: Uint8Array[], removeLeaves: number[]): Promise<Commit>;

  /**
   * Moves to the epoch of the pending commit. Asynchronous only to take its turn: it must not land
   * in the middle of handling a message, which would then overwrite the new epoch with the old.
   */
  confirm(): Promise<void>;

  /** Forgets the pending commit, in its turn like {@link confirm}. */
  discard(): Promise<void>;

  /** Handles a message from another member or the server (an MLSMessage), in the order the server relays them. */
  handle(message: Uint8Array): Promise<Handled>;

  /**
   * Opens an application message (a PrivateMessage) and nothing else: a call signal, which the server
   * relays without ordering it among the scene's messages, must never carry a commit or a proposal.
   */
  openApplication(message: Uint8Array): Promise<Handled & { kind: "application" }>;
}

/** One device's MLS: its signature key, the secrets of its unused KeyPackages, and its groups. */
export interface Mls {
  /** The device's Ed25519 signature public key (raw 32 bytes). */
  signatureKey(): Uint8Array;

  /** A fresh KeyPackage for a persona, as an MLSMessage; its private keys stay here until a Welcome uses them. */
  newKeyPackage(personaId: string): Promise<Uint8Array>;

  /** How many KeyPackages made here for a persona still wait for a Welcome. */
  unusedKeyPackages(personaId: string): number;

  /**
   * Creates a group alone at epoch 0 whose external_senders extension lists the server's Ed25519
   * key at index 0 (basic credential "tryst-server"), so that members accept its removal proposals.
   */
  create(groupId: string, personaId: string, externalSenderKey: Uint8Array): Promise<Group>;

  /** Joins a group from a Welcome (an MLSMessage) addressed to one of this device's KeyPackages. */
  join(welcome: Uint8Array): Promise<Group>;

  /** The group with this id, if this device is in it. */
  group(groupId: string): Group | undefined;

  /** Forgets a group and its keys. */
  forget(groupId: string): void;

  /** The whole state, as plain data to keep in IndexedDB; see {@link StoredMls}. */
  save(): StoredMls;
}

/**
 * A device's whole MLS state as plain data: only strings, numbers and Uint8Arrays in plain objects
 * and arrays, which IndexedDB stores by structured clone. It holds private keys (the device's
 * signature key, its KeyPackages' init and encryption keys, and every group's secrets), so it is
 * as sensitive as the device itself. Never restore an older copy onto a device that has since sent
 * messages: its ratchets would hand out keys that were used already.
 */
export interface StoredMls {
  /** Which layout and which MLS library's group encoding this is; a device refuses any other. */
  format: string;
  /** The Ed25519 signature key pair: raw 32-byte public key, private key as the library keeps it. */
  signaturePublicKey: Uint8Array;
  signaturePrivateKey: Uint8Array;
  /** The KeyPackages made here that no Welcome has used yet. */
  keyPackages: StoredKeyPackage[];
  /** The groups this device is in. */
  groups: StoredGroup[];
}

/** An unused KeyPackage with its private keys, kept until a Welcome names it. */
export interface StoredKeyPackage {
  /** The KeyPackage's reference (RFC 9420, section 5.2), in hex: how a Welcome names it. */
  reference: string;
  personaId: string;
  /** The KeyPackage as the MLSMessage that was uploaded. */
  keyPackage: Uint8Array;
  initPrivateKey: Uint8Array;
  encryptionPrivateKey: Uint8Array;
}

/** A group: its id, its state in the library's own encoding, and that of a commit awaiting the server's answer. */
export interface StoredGroup {
  id: string;
  state: Uint8Array;
  pending?: Uint8Array;
}

/** Thrown when MLS refuses: a malformed or unverifiable message, a Welcome for nobody here, a missing group. */
export class MlsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MlsError";
  }
}
