/**
 * The few ts-mls functions this layer needs that its index does not export. They are reached
 * through the package's own `./*.js` export map, so they are published entry points, but not
 * promised as stable: ts-mls is pinned to an exact version, and these are the places to check when
 * it moves.
 *
 * - `unprotectPrivateMessage`: ts-mls's processPrivateMessage decrypts application data but drops
 *   the sender's leaf, which a recipient needs to know which persona spoke.
 * - `unprotectPublicMessage` (with its override of the signer's key) and `processProposal`: ts-mls
 *   looks up an external sender's key in its own, non-RFC reading of external_senders (see
 *   externalSenders.ts), so a removal proposal from the server is verified here with the key read
 *   the RFC's way, then stored as ts-mls would store it.
 * - `makeKeyPackageRef`: the reference by which a Welcome names the KeyPackage it is for.
 */
export { unprotectPrivateMessage } from "ts-mls/messageProtection.js";
export { unprotectPublicMessage } from "ts-mls/messageProtectionPublic.js";
export { processProposal } from "ts-mls/clientState.js";
export { makeKeyPackageRef } from "ts-mls/keyPackage.js";
