/**
 * The IETF MLS working group's interoperability test vectors for cipher suite 1 (see SOURCE.md
 * beside them), checked against ts-mls, the library under our MLS layer. The passive-client
 * families go through ts-mls's public API, as a member would (only reading a ratchet tree given
 * out of band needs decodeRatchetTree); the others check single steps (Welcome decryption, key
 * schedule, secret tree, message protection) that ts-mls exposes only through its non-index
 * modules, reached by the package's `./*.js` exports.
 */
import { describe, expect, test } from "vitest";
import {
  decodeMlsMessage,
  defaultPaddingConfig,
  encodeMlsMessage,
  joinGroup,
  makePskIndex,
  mlsExporter,
  processPrivateMessage,
  processPublicMessage,
  type ClientState,
  type GroupContext,
  type KeyPackage,
  type MLSMessage,
  type PrivateMessage,
  type PublicMessage,
  type Welcome,
} from "ts-mls";
import { createContentCommitSignature, verifyConfirmationTag } from "ts-mls/framedContent.js";
import { encodeGroupContext } from "ts-mls/groupContext.js";
import { verifyGroupInfoSignature } from "ts-mls/groupInfo.js";
import { deriveKeySchedule, initializeEpoch } from "ts-mls/keySchedule.js";
import { protect, protectApplicationData, protectProposal } from "ts-mls/messageProtection.js";
import { protectProposalPublic, protectPublicMessage } from "ts-mls/messageProtectionPublic.js";
import { encodeCommit } from "ts-mls/commit.js";
import { encodeProposal } from "ts-mls/proposal.js";
import { decodeRatchetTree } from "ts-mls/ratchetTree.js";
import { createSecretTree, ratchetToGeneration } from "ts-mls/secretTree.js";
import { expandSenderDataKey, expandSenderDataNonce } from "ts-mls/sender.js";
import { decryptGroupInfo, decryptGroupSecrets } from "ts-mls/welcome.js";
import handlingCommitJson from "../../../client/src/test/resources/mls-test-vectors/passive-client-handling-commit.json?raw";
import keyScheduleJson from "../../../client/src/test/resources/mls-test-vectors/key-schedule.json?raw";
import messageProtectionJson from "../../../client/src/test/resources/mls-test-vectors/message-protection.json?raw";
import randomJson from "../../../client/src/test/resources/mls-test-vectors/passive-client-random.json?raw";
import secretTreeJson from "../../../client/src/test/resources/mls-test-vectors/secret-tree.json?raw";
import passiveWelcomeJson from "../../../client/src/test/resources/mls-test-vectors/passive-client-welcome.json?raw";
import welcomeJson from "../../../client/src/test/resources/mls-test-vectors/welcome.json?raw";
import { fromHex, hex } from "./bytes";
import { makeKeyPackageRef, unprotectPrivateMessage, unprotectPublicMessage } from "./internals";
import { clientConfig, suite } from "./suite";

/** Vectors of suite 1 only: the files hold nothing else, and this says so if that changes. */
function vectors<T extends { cipher_suite: number }>(json: string): T[] {
  const all = JSON.parse(json) as T[];
  expect(all.length).toBeGreaterThan(0);
  for (const vector of all) expect(vector.cipher_suite).toBe(1);
  return all;
}

function message(bytes: string): MLSMessage {
  const decoded = decodeMlsMessage(fromHex(bytes), 0);
  if (decoded === undefined) throw new Error("not an MLSMessage");
  return decoded[0];
}

function keyPackageIn(bytes: string): KeyPackage {
  const decoded = message(bytes);
  if (decoded.wireformat !== "mls_key_package") throw new Error("not a KeyPackage");
  return decoded.keyPackage;
}

function welcomeIn(bytes: string): Welcome {
  const decoded = message(bytes);
  if (decoded.wireformat !== "mls_welcome") throw new Error("not a Welcome");
  return decoded.welcome;
}

interface PassiveClient {
  cipher_suite: number;
  external_psks: { psk_id: string; psk: string }[];
  key_package: string;
  signature_priv: string;
  encryption_priv: string;
  init_priv: string;
  welcome: string;
  ratchet_tree: string | null;
  initial_epoch_authenticator: string;
  epochs: { proposals: string[]; commit: string; epoch_authenticator: string }[];
}

/** A member that only receives: joins from the Welcome, then handles each epoch's proposals and commit. */
async function passiveClient(vector: PassiveClient): Promise<void> {
  const cs = await suite();
  const psks = Object.fromEntries(vector.external_psks.map((psk) => [btoa(String.fromCharCode(...fromHex(psk.psk_id))), fromHex(psk.psk)]));
  const tree = vector.ratchet_tree === null ? undefined : decodeRatchetTree(fromHex(vector.ratchet_tree), 0)?.[0];
  let state: ClientState = await joinGroup(welcomeIn(vector.welcome), keyPackageIn(vector.key_package),
    { initPrivateKey: fromHex(vector.init_priv), hpkePrivateKey: fromHex(vector.encryption_priv), signaturePrivateKey: fromHex(vector.signature_priv) },
    makePskIndex(undefined, psks), cs, tree, undefined, clientConfig);
  expect(hex(state.keySchedule.epochAuthenticator)).toBe(vector.initial_epoch_authenticator);
  for (const epoch of vector.epochs) {
    for (const bytes of [...epoch.proposals, epoch.commit]) {
      const handshake = message(bytes);
      if (handshake.wireformat === "mls_public_message") {
        state = (await processPublicMessage(state, handshake.publicMessage, makePskIndex(state, psks), cs)).newState;
      } else if (handshake.wireformat === "mls_private_message") {
        state = (await processPrivateMessage(state, handshake.privateMessage, makePskIndex(state, psks), cs)).newState;
      } else {
        throw new Error(`unexpected ${handshake.wireformat}`);
      }
    }
    expect(hex(state.keySchedule.epochAuthenticator)).toBe(epoch.epoch_authenticator);
  }
}

describe("MLS test vectors, cipher suite 1", () => {
  test.each(vectors<PassiveClient>(passiveWelcomeJson).map((vector, i) => [i, vector] as const))(
    "passive-client-welcome #%i: joins and agrees on the epoch authenticator", async (_, vector) => passiveClient(vector));

  test.each(vectors<PassiveClient>(handlingCommitJson).map((vector, i) => [i, vector] as const))(
    "passive-client-handling-commit #%i: follows every commit", async (_, vector) => passiveClient(vector));

  test("passive-client-random: follows 200 epochs of random commits", async () => {
    for (const vector of vectors<PassiveClient>(randomJson)) await passiveClient(vector);
  }, 120_000);

  test("welcome: the Welcome decrypts, its GroupInfo verifies and its confirmation tag matches", async () => {
    const cs = await suite();
    for (const vector of vectors<{ cipher_suite: number; init_priv: string; signer_pub: string; key_package: string; welcome: string }>(welcomeJson)) {
      const welcome = welcomeIn(vector.welcome);
      const reference = await makeKeyPackageRef(keyPackageIn(vector.key_package), cs.hash);
      const secrets = await decryptGroupSecrets(await cs.hpke.importPrivateKey(fromHex(vector.init_priv)), reference, welcome, cs.hpke);
      expect(secrets).toBeDefined();
      const noPsk = new Uint8Array(cs.kdf.size);
      const groupInfo = await decryptGroupInfo(welcome, secrets!.joinerSecret, noPsk, cs);
      expect(groupInfo).toBeDefined();
      expect(await verifyGroupInfoSignature(groupInfo!, fromHex(vector.signer_pub), cs.signature)).toBe(true);
      const [keySchedule] = await deriveKeySchedule(secrets!.joinerSecret, noPsk, groupInfo!.groupContext, cs.kdf);
      expect(await verifyConfirmationTag(keySchedule.confirmationKey, groupInfo!.confirmationTag,
        groupInfo!.groupContext.confirmedTranscriptHash, cs.hash)).toBe(true);
    }
  });

  test("key-schedule: every epoch's group context and secrets", async () => {
    const cs = await suite();
    interface Epoch { [field: string]: string | { label: string; context: string; length: number; secret: string } }
    for (const vector of vectors<{ cipher_suite: number; group_id: string; initial_init_secret: string; epochs: Epoch[] }>(keyScheduleJson)) {
      let initSecret = fromHex(vector.initial_init_secret);
      for (const [index, epoch] of vector.epochs.entries()) {
        const field = (name: string) => fromHex(epoch[name] as string);
        const context: GroupContext = {
          version: "mls10", cipherSuite: cs.name, groupId: fromHex(vector.group_id), epoch: BigInt(index),
          treeHash: field("tree_hash"), confirmedTranscriptHash: field("confirmed_transcript_hash"), extensions: [],
        };
        expect(hex(encodeGroupContext(context))).toBe(epoch.group_context);
        const secrets = await initializeEpoch(initSecret, field("commit_secret"), context, field("psk_secret"), cs.kdf);
        const derived = {
          joiner_secret: secrets.joinerSecret, welcome_secret: secrets.welcomeSecret, encryption_secret: secrets.encryptionSecret,
          sender_data_secret: secrets.keySchedule.senderDataSecret, exporter_secret: secrets.keySchedule.exporterSecret,
          external_secret: secrets.keySchedule.externalSecret, confirmation_key: secrets.keySchedule.confirmationKey,
          membership_key: secrets.keySchedule.membershipKey, resumption_psk: secrets.keySchedule.resumptionPsk,
          epoch_authenticator: secrets.keySchedule.epochAuthenticator, init_secret: secrets.keySchedule.initSecret,
        };
        for (const [name, value] of Object.entries(derived)) expect([name, hex(value)]).toEqual([name, epoch[name]]);
        const external = await cs.hpke.deriveKeyPair(secrets.keySchedule.externalSecret);
        expect(hex(await cs.hpke.exportPublicKey(external.publicKey))).toBe(epoch.external_pub);
        const exporter = epoch.exporter as { label: string; context: string; length: number; secret: string };
        // The vector's exporter label is the text of its hex, as the working group's generator passes it.
        expect(hex(await mlsExporter(secrets.keySchedule.exporterSecret, exporter.label, fromHex(exporter.context), exporter.length, cs)))
          .toBe(exporter.secret);
        initSecret = secrets.keySchedule.initSecret;
      }
    }
  });

  test("secret-tree: sender data keys, and every leaf's handshake and application keys by generation", async () => {
    const cs = await suite();
    interface Generation { generation: number; handshake_key: string; handshake_nonce: string; application_key: string; application_nonce: string }
    interface Vector { cipher_suite: number; encryption_secret: string; sender_data: Record<string, string>; leaves: Generation[][] }
    const retention = { ...clientConfig.keyRetentionConfig, maximumForwardRatchetSteps: 1_000 };
    // A zero reuse guard leaves the nonce as the tree derives it, which is what the vector lists.
    const noReuseGuard = new Uint8Array(4) as Uint8Array & { length: 4 };
    for (const vector of vectors<Vector>(secretTreeJson)) {
      const senderData = vector.sender_data;
      const sample = fromHex(senderData.ciphertext);
      expect(hex(await expandSenderDataKey(cs, fromHex(senderData.sender_data_secret), sample))).toBe(senderData.key);
      expect(hex(await expandSenderDataNonce(cs, fromHex(senderData.sender_data_secret), sample))).toBe(senderData.nonce);
      for (const [leafIndex, generations] of vector.leaves.entries()) {
        for (const expected of generations) {
          for (const kind of ["handshake", "application"] as const) {
            const tree = await createSecretTree(vector.leaves.length, fromHex(vector.encryption_secret), cs.kdf);
            const { key, nonce } = await ratchetToGeneration(tree, { leafIndex, generation: expected.generation, reuseGuard: noReuseGuard },
              kind === "handshake" ? "proposal" : "application", retention, cs);
            expect(hex(key)).toBe(expected[`${kind}_key`]);
            expect(hex(nonce)).toBe(expected[`${kind}_nonce`]);
          }
        }
      }
    }
  });

  test("message-protection: the given messages open, and what ts-mls protects opens the same way", async () => {
    const cs = await suite();
    for (const vector of vectors<Record<string, string> & { cipher_suite: number; epoch: number }>(messageProtectionJson)) {
      const value = (name: string) => fromHex(vector[name]);
      const context: GroupContext = {
        version: "mls10", cipherSuite: cs.name, groupId: value("group_id"), epoch: BigInt(vector.epoch),
        treeHash: value("tree_hash"), confirmedTranscriptHash: value("confirmed_transcript_hash"), extensions: [],
      };
      const tree = () => createSecretTree(2, value("encryption_secret"), cs.kdf);
      const signaturePub = value("signature_pub");
      const signaturePriv = value("signature_priv");
      const openPrivate = async (privateMessage: PrivateMessage) => (await unprotectPrivateMessage(value("sender_data_secret"), privateMessage,
        await tree(), [], context, clientConfig.keyRetentionConfig, cs, signaturePub)).content.content;
      const openPublic = async (publicMessage: PublicMessage) =>
        (await unprotectPublicMessage(value("membership_key"), context, [], publicMessage, cs, signaturePub)).content;
      const privateIn = (name: string) => {
        const decoded = message(vector[name]);
        if (decoded.wireformat !== "mls_private_message") throw new Error("not a PrivateMessage");
        return decoded.privateMessage;
      };
      const publicIn = (name: string) => {
        const decoded = message(vector[name]);
        if (decoded.wireformat !== "mls_public_message") throw new Error("not a PublicMessage");
        return decoded.publicMessage;
      };
      const proposalOf = (content: Awaited<ReturnType<typeof openPrivate>>) =>
        content.contentType === "proposal" ? hex(encodeProposal(content.proposal)) : `not a proposal: ${content.contentType}`;
      const commitOf = (content: Awaited<ReturnType<typeof openPrivate>>) =>
        content.contentType === "commit" ? hex(encodeCommit(content.commit)) : `not a commit: ${content.contentType}`;

      // The messages the vector gives, from leaf 1.
      for (const content of [await openPrivate(privateIn("proposal_priv")), await openPublic(publicIn("proposal_pub"))]) {
        expect(content.sender).toEqual({ senderType: "member", leafIndex: 1 });
        expect(proposalOf(content)).toBe(vector.proposal);
      }
      for (const content of [await openPrivate(privateIn("commit_priv")), await openPublic(publicIn("commit_pub"))]) {
        expect(commitOf(content)).toBe(vector.commit);
      }
      const application = await openPrivate(privateIn("application_priv"));
      expect(application.contentType === "application" ? hex(application.applicationData) : "").toBe(vector.application);

      // Protected here, opened again.
      const proposal = (await openPublic(publicIn("proposal_pub")));
      if (proposal.contentType !== "proposal") throw new Error("not a proposal");
      const none = new Uint8Array();
      const sealedProposal = await protectProposal(signaturePriv, value("sender_data_secret"), proposal.proposal, none, context, await tree(), 1,
        defaultPaddingConfig, cs);
      expect(proposalOf(await openPrivate(sealedProposal.privateMessage))).toBe(vector.proposal);
      const publicProposal = await protectProposalPublic(signaturePriv, value("membership_key"), context, none, proposal.proposal, 1, cs);
      expect(proposalOf(await openPublic(publicProposal.publicMessage))).toBe(vector.proposal);

      const commit = await openPublic(publicIn("commit_pub"));
      if (commit.contentType !== "commit") throw new Error("not a commit");
      for (const wireformat of ["mls_public_message", "mls_private_message"] as const) {
        const signed = await createContentCommitSignature(context, wireformat, commit.commit, { senderType: "member", leafIndex: 1 }, none,
          signaturePriv, cs.signature);
        const auth = { contentType: "commit" as const, signature: signed.signature, confirmationTag: new Uint8Array(32).fill(7) };
        if (wireformat === "mls_public_message") {
          const sealed = await protectPublicMessage(value("membership_key"), context, { wireformat, content: signed.framedContent, auth }, cs);
          expect(commitOf(await openPublic(sealed))).toBe(vector.commit);
        } else {
          const sealed = await protect(value("sender_data_secret"), none, context, await tree(), { ...signed.framedContent, auth }, 1,
            defaultPaddingConfig, cs);
          expect(commitOf(await openPrivate(sealed.privateMessage))).toBe(vector.commit);
        }
      }

      const sealedApplication = await protectApplicationData(signaturePriv, value("sender_data_secret"), value("application"), none, context,
        await tree(), 1, defaultPaddingConfig, cs);
      const reopened = await openPrivate(sealedApplication.privateMessage);
      expect(reopened.contentType === "application" ? hex(reopened.applicationData) : "").toBe(vector.application);
      // Application data never travels as PublicMessage.
      await expect(protectPublicMessage(value("membership_key"), context,
        { wireformat: "mls_public_message", content: { ...application }, auth: { contentType: "application", signature: none } }, cs)).rejects.toThrow();
      expect(encodeMlsMessage(message(vector.application_priv))).toEqual(value("application_priv"));
    }
  });
});
