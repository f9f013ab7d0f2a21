/**
 * One group over ts-mls, behind the {@link Group} interface. Commits and the server's proposals
 * travel as PublicMessage and application data as PrivateMessage, as on the Java client; a
 * PrivateMessage that carries a handshake, or a proposal from anyone but the server, is refused.
 */
import {
  createApplicationMessage,
  createCommit,
  decodeMlsMessage,
  emptyPskIndex,
  encodeMlsMessage,
  processPublicMessage,
  zeroOutUint8Array,
  type CiphersuiteImpl,
  type ClientState,
  type KeyPackage,
  type MLSMessage,
  type PrivateMessage,
  type Proposal,
  type PublicMessage,
  type RatchetTree,
} from "ts-mls";
import { fromUtf8 } from "./bytes";
import { externalSenderKey } from "./externalSenders";
import { processProposal, unprotectPrivateMessage, unprotectPublicMessage } from "./internals";
import { MlsError, type Commit, type Group, type Handled, type Member } from "./mls";
import type { Serial } from "./serial";
import { clientConfig } from "./suite";

/** A commit this device made, waiting for the server's answer, with the secrets to wipe once it is taken. */
export interface PendingCommit {
  state: ClientState;
  consumed: Uint8Array[];
}

/** {@link Group} over a ts-mls ClientState, sharing its device's queue so that operations never interleave. */
export class TsGroup implements Group {
  constructor(
    readonly id: string,
    private state: ClientState,
    private pending: PendingCommit | undefined,
    private readonly cs: CiphersuiteImpl,
    private readonly serial: Serial,
  ) {}

  /** The current state and the pending commit's, for saving. */
  snapshot(): { state: ClientState; pending?: ClientState } {
    return { state: this.state, pending: this.pending?.state };
  }

  epoch(): bigint {
    return this.state.groupContext.epoch;
  }

  epochAuthenticator(): Uint8Array {
    return this.state.keySchedule.epochAuthenticator.slice();
  }

  ownLeaf(): number {
    return this.state.privatePath.leafIndex;
  }

  members(): Member[] {
    return membersOf(this.state.ratchetTree);
  }

  hasPendingProposals(): boolean {
    return Object.keys(this.state.unappliedProposals).length > 0;
  }

  pendingRemovals(): Set<number> {
    const leaves = new Set<number>();
    for (const { proposal } of Object.values(this.state.unappliedProposals)) {
      if (proposal.proposalType === "remove") leaves.add(proposal.remove.removed);
    }
    return leaves;
  }

  protect(authenticatedData: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
    return this.serial.run(async () => {
      const state = this.state;
      // ts-mls refuses to send while proposals wait; in a scene the only proposals are the server's
      // removals of members who already left and get nothing more, and the Java client sends then too.
      const made = await guard("encrypting failed", () =>
        createApplicationMessage({ ...state, unappliedProposals: {} }, plaintext, this.cs, authenticatedData));
      this.state = { ...made.newState, unappliedProposals: state.unappliedProposals };
      made.consumed.forEach(zeroOutUint8Array);
      return encodeMlsMessage({ version: "mls10", wireformat: "mls_private_message", privateMessage: made.privateMessage });
    });
  }

  commit(addKeyPackages: Uint8Array[], removeLeaves: number[]): Promise<Commit> {
    return this.serial.run(async () => {
      const leaving = this.pendingRemovals();
      const proposals: Proposal[] = [
        ...addKeyPackages.map((bytes): Proposal => ({ proposalType: "add", add: { keyPackage: keyPackageOf(bytes) } })),
        // A member the server already proposed to remove goes by that proposal, which the commit carries by reference.
        ...removeLeaves.filter((leaf) => !leaving.has(leaf)).map((leaf): Proposal => ({ proposalType: "remove", remove: { removed: leaf } })),
      ];
      const made = await guard("committing failed", () => createCommit({ state: this.state, cipherSuite: this.cs },
        { wireAsPublicMessage: true, extraProposals: proposals, ratchetTreeExtension: true }));
      this.pending = { state: made.newState, consumed: made.consumed };
      const welcome = made.welcome === undefined ? undefined
        : encodeMlsMessage({ version: "mls10", wireformat: "mls_welcome", welcome: made.welcome });
      return { message: encodeMlsMessage(made.commit), welcome };
    });
  }

  confirm(): Promise<void> {
    return this.serial.run(async () => {
      if (this.pending === undefined) throw new MlsError("no commit is pending");
      this.state = this.pending.state;
      this.pending.consumed.forEach(zeroOutUint8Array);
      this.pending = undefined;
    });
  }

  discard(): Promise<void> {
    return this.serial.run(async () => {
      this.pending = undefined;
    });
  }

  handle(bytes: Uint8Array): Promise<Handled> {
    return this.serial.run(async () => {
      const message = decodeMessage(bytes);
      if (message.wireformat === "mls_private_message") return this.open(message.privateMessage);
      if (message.wireformat !== "mls_public_message") throw new MlsError("not a message for a group");
      const content = message.publicMessage.content;
      if (content.contentType === "proposal") return this.storeProposal(message.publicMessage, content.proposal);
      if (content.contentType === "commit") return this.applyCommit(message.publicMessage);
      throw new MlsError("application data must come encrypted");
    });
  }

  openApplication(bytes: Uint8Array): Promise<Handled & { kind: "application" }> {
    return this.serial.run(async () => {
      const message = decodeMessage(bytes);
      if (message.wireformat !== "mls_private_message") throw new MlsError("a signal must be an application message");
      return this.open(message.privateMessage);
    });
  }

  /** Decrypts and verifies application data, keeping the sender's leaf, at this epoch or one ts-mls still keeps keys for. */
  private async open(message: PrivateMessage): Promise<Handled & { kind: "application" }> {
    if (message.contentType !== "application") throw new MlsError("handshake messages must come as PublicMessage");
    const current = this.state.groupContext.epoch;
    const past = message.epoch < current ? this.state.historicalReceiverData.get(message.epoch) : undefined;
    if (message.epoch > current || (message.epoch < current && past === undefined)) {
      throw new MlsError(`the message is for epoch ${message.epoch}, and this group is at epoch ${current}`);
    }
    const epoch = past ?? {
      senderDataSecret: this.state.keySchedule.senderDataSecret,
      secretTree: this.state.secretTree,
      ratchetTree: this.state.ratchetTree,
      groupContext: this.state.groupContext,
    };
    const opened = await guard("the message does not open in this group", () => unprotectPrivateMessage(epoch.senderDataSecret,
      message, epoch.secretTree, epoch.ratchetTree, epoch.groupContext, clientConfig.keyRetentionConfig, this.cs));
    const content = opened.content.content;
    if (content.contentType !== "application" || content.sender.senderType !== "member") {
      throw new MlsError("application data must come from a member");
    }
    const leaf = content.sender.leafIndex;
    const sender = membersOf(epoch.ratchetTree).find((member) => member.leaf === leaf);
    if (sender === undefined) throw new MlsError("the sender is not a member");
    if (past === undefined) {
      this.state = { ...this.state, secretTree: opened.tree };
    } else {
      const history = new Map(this.state.historicalReceiverData);
      history.set(message.epoch, { ...past, secretTree: opened.tree });
      this.state = { ...this.state, historicalReceiverData: history };
    }
    opened.consumed.forEach(zeroOutUint8Array);
    return { kind: "application", sender, authenticatedData: content.authenticatedData, plaintext: content.applicationData };
  }

  /** Stores the server's proposal to remove a member, after checking it is signed with the key the group lists for the server. */
  private async storeProposal(message: PublicMessage, proposal: Proposal): Promise<Handled> {
    const sender = message.content.sender;
    if (sender.senderType !== "external") throw new MlsError("members send commits, not bare proposals");
    if (proposal.proposalType !== "remove") throw new MlsError("the server proposes only removals");
    if (message.content.epoch !== this.state.groupContext.epoch) throw new MlsError("the proposal is for another epoch");
    const key = externalSenderKey(this.state.groupContext.extensions, sender.senderIndex);
    if (key === undefined) throw new MlsError("the group lists no such external sender");
    const state = this.state;
    const content = await guard("the proposal does not verify", () =>
      unprotectPublicMessage(state.keySchedule.membershipKey, state.groupContext, state.ratchetTree, message, this.cs, key));
    this.state = await processProposal(state, content, proposal, this.cs.hash);
    return { kind: "proposalStored" };
  }

  /** Applies another member's commit, which also ends any commit of ours that lost the race. */
  private async applyCommit(message: PublicMessage): Promise<Handled> {
    if (message.content.sender.senderType !== "member") throw new MlsError("only members commit in a scene");
    const processed = await guard("the commit does not apply to this group", () =>
      processPublicMessage(this.state, message, emptyPskIndex, this.cs));
    this.state = processed.newState;
    this.pending = undefined;
    processed.consumed.forEach(zeroOutUint8Array);
    if (processed.newState.groupActiveState.kind === "removedFromGroup") return { kind: "removed" };
    return { kind: "newEpoch", epoch: this.state.groupContext.epoch };
  }
}

/** The members in a ratchet tree, where leaf i sits at node 2i. */
function membersOf(tree: RatchetTree): Member[] {
  const members: Member[] = [];
  for (let node = 0; node < tree.length; node += 2) {
    const entry = tree[node];
    if (entry?.nodeType !== "leaf") continue;
    const credential = entry.leaf.credential;
    // Scenes admit basic credentials only (the server refuses other KeyPackages); any other names no persona.
    const personaId = credential.credentialType === "basic" ? fromUtf8(credential.identity) : "";
    members.push({ leaf: node / 2, personaId, signatureKey: entry.leaf.signaturePublicKey });
  }
  return members;
}

/** Decodes one whole MLSMessage; trailing bytes are refused, as they would be a second message smuggled in. */
export function decodeMessage(bytes: Uint8Array): MLSMessage {
  let decoded: ReturnType<typeof decodeMlsMessage>;
  try {
    decoded = decodeMlsMessage(bytes, 0);
  } catch (cause) {
    throw new MlsError("not a well-formed MLS message", { cause });
  }
  if (decoded === undefined || decoded[1] !== bytes.length) throw new MlsError("not a well-formed MLS message");
  return decoded[0];
}

/** The KeyPackage inside an MLSMessage. */
export function keyPackageOf(bytes: Uint8Array): KeyPackage {
  const message = decodeMessage(bytes);
  if (message.wireformat !== "mls_key_package") throw new MlsError("not a KeyPackage");
  return message.keyPackage;
}

/** Runs a ts-mls step, turning its failure into an {@link MlsError} that says which step failed. */
async function guard<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (cause) {
    throw new MlsError(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
