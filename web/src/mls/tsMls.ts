/**
 * {@link Mls} over ts-mls: one device, its signature key, its unused KeyPackages and its groups.
 * Everything ts-mls-specific stays in this module, tsGroup.ts and internals.ts.
 */
import {
  createGroup,
  decodeGroupState,
  defaultCapabilities,
  defaultLifetime,
  emptyPskIndex,
  encodeGroupState,
  encodeMlsMessage,
  generateKeyPackageWithKey,
  joinGroup,
  type CiphersuiteImpl,
  type ClientState,
  type KeyPackage,
  type PrivateKeyPackage,
} from "ts-mls";
import { fromUtf8, hex, utf8 } from "./bytes";
import { externalSendersExtension } from "./externalSenders";
import { makeKeyPackageRef } from "./internals";
import { MlsError, type Group, type Mls, type StoredGroup, type StoredKeyPackage, type StoredMls } from "./mls";
import { Serial } from "./serial";
import { clientConfig, suite } from "./suite";
import { decodeMessage, keyPackageOf, TsGroup } from "./tsGroup";

/**
 * The stored layout, and the library whose group encoding it holds. A device refuses state of
 * another format rather than misread it: moving ts-mls to another version means checking that
 * encodeGroupState still reads the old bytes, and then accepting this tag too.
 */
export const FORMAT = "tryst-mls-1/ts-mls-1.6.4";

interface SignatureKeys {
  publicKey: Uint8Array;
  signKey: Uint8Array;
}

/** A device's MLS over ts-mls. Its state is plain data through {@link save} and {@link TsMls.restore}. */
export class TsMls implements Mls {
  private readonly serial = new Serial();

  private constructor(
    private readonly cs: CiphersuiteImpl,
    private readonly signature: SignatureKeys,
    private readonly keyPackages: Map<string, StoredKeyPackage>,
    private readonly groups: Map<string, TsGroup>,
  ) {}

  /** A new device with a fresh Ed25519 signature key. */
  static async create(): Promise<TsMls> {
    const cs = await suite();
    return new TsMls(cs, await cs.signature.keygen(), new Map(), new Map());
  }

  /** A device as {@link save} left it. */
  static async restore(stored: StoredMls): Promise<TsMls> {
    if (stored.format !== FORMAT) throw new MlsError(`the saved MLS state is ${stored.format}, not ${FORMAT}`);
    const cs = await suite();
    const device = new TsMls(cs, { publicKey: stored.signaturePublicKey, signKey: stored.signaturePrivateKey },
      new Map(stored.keyPackages.map((entry) => [entry.reference, entry])), new Map());
    for (const group of stored.groups) {
      // A pending commit's spent secrets live on only in the stored old state, which the next save replaces.
      device.groups.set(group.id, new TsGroup(group.id, readState(group.state),
        group.pending === undefined ? undefined : { state: readState(group.pending), consumed: [] }, cs, device.serial));
    }
    return device;
  }

  save(): StoredMls {
    const groups: StoredGroup[] = [...this.groups.values()].map((group) => {
      const { state, pending } = group.snapshot();
      return { id: group.id, state: encodeGroupState(state), ...(pending === undefined ? {} : { pending: encodeGroupState(pending) }) };
    });
    return {
      format: FORMAT,
      signaturePublicKey: this.signature.publicKey.slice(),
      signaturePrivateKey: this.signature.signKey.slice(),
      keyPackages: [...this.keyPackages.values()].map((entry) => ({ ...entry })),
      groups,
    };
  }

  signatureKey(): Uint8Array {
    return this.signature.publicKey.slice();
  }

  newKeyPackage(personaId: string): Promise<Uint8Array> {
    return this.serial.run(async () => {
      const made = await this.keyPackage(personaId);
      const message = encodeMlsMessage({ version: "mls10", wireformat: "mls_key_package", keyPackage: made.publicPackage });
      const reference = hex(await makeKeyPackageRef(made.publicPackage, this.cs.hash));
      this.keyPackages.set(reference, {
        reference,
        personaId,
        keyPackage: message,
        initPrivateKey: made.privatePackage.initPrivateKey,
        encryptionPrivateKey: made.privatePackage.hpkePrivateKey,
      });
      return message;
    });
  }

  unusedKeyPackages(personaId: string): number {
    return [...this.keyPackages.values()].filter((entry) => entry.personaId === personaId).length;
  }

  create(groupId: string, personaId: string, externalSenderKey: Uint8Array): Promise<Group> {
    return this.serial.run(async () => {
      const own = await this.keyPackage(personaId);
      const created = await createGroup(utf8(groupId), own.publicPackage, own.privatePackage, [], this.cs, clientConfig);
      // ts-mls cannot read the RFC's external_senders when creating a group (see externalSenders.ts),
      // so the group starts without it and gets it here. Nothing at epoch 0 is derived from the
      // context's extensions (the epoch secret is fresh and the transcript empty), so this is the
      // group createGroup would have made, and every later epoch and Welcome carries the extension.
      const state: ClientState = {
        ...created,
        groupContext: { ...created.groupContext, extensions: [externalSendersExtension(externalSenderKey)] },
      };
      const group = new TsGroup(groupId, state, undefined, this.cs, this.serial);
      this.groups.set(groupId, group);
      return group;
    });
  }

  join(welcome: Uint8Array): Promise<Group> {
    return this.serial.run(async () => {
      const message = decodeMessage(welcome);
      if (message.wireformat !== "mls_welcome") throw new MlsError("not a Welcome");
      const entry = message.welcome.secrets.map((secret) => this.keyPackages.get(hex(secret.newMember))).find((found) => found !== undefined);
      if (entry === undefined) throw new MlsError("the Welcome is for none of this device's KeyPackages");
      const keys: PrivateKeyPackage = {
        initPrivateKey: entry.initPrivateKey,
        hpkePrivateKey: entry.encryptionPrivateKey,
        signaturePrivateKey: this.signature.signKey,
      };
      let state: ClientState;
      try {
        state = await joinGroup(message.welcome, keyPackageOf(entry.keyPackage), keys, emptyPskIndex, this.cs, undefined, undefined, clientConfig);
      } catch (cause) {
        throw new MlsError(`joining from the Welcome failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
      this.keyPackages.delete(entry.reference);
      const id = fromUtf8(state.groupContext.groupId);
      const group = new TsGroup(id, state, undefined, this.cs, this.serial);
      this.groups.set(id, group);
      return group;
    });
  }

  group(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  forget(groupId: string): void {
    this.groups.delete(groupId);
  }

  /** A KeyPackage of this device for a persona: basic credential naming the persona, ts-mls's default capabilities and lifetime. */
  private keyPackage(personaId: string): Promise<{ publicPackage: KeyPackage; privatePackage: PrivateKeyPackage }> {
    return generateKeyPackageWithKey({ credentialType: "basic", identity: utf8(personaId) }, defaultCapabilities(), defaultLifetime, [],
      this.signature, this.cs);
  }
}

function readState(bytes: Uint8Array): ClientState {
  const decoded = decodeGroupState(bytes, 0);
  if (decoded === undefined || decoded[1] !== bytes.length) throw new MlsError("the saved group state is unreadable");
  return { ...decoded[0], clientConfig };
}
