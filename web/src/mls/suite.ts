/**
 * Cipher suite 1 and the ts-mls settings every device here uses. The suite runs on WebCrypto alone
 * (X25519, Ed25519, AES-128-GCM, SHA-256), which Node 20 and current Chromium provide, so ts-mls
 * needs none of its optional crypto packages.
 */
import {
  defaultAuthenticationService,
  defaultKeyPackageEqualityConfig,
  defaultKeyRetentionConfig,
  defaultLifetimeConfig,
  defaultPaddingConfig,
  getCiphersuiteFromName,
  getCiphersuiteImpl,
  type CiphersuiteImpl,
  type ClientConfig,
} from "ts-mls";

/** The only suite scenes use: MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519. */
export const SUITE_NAME = "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519";

let loaded: Promise<CiphersuiteImpl> | undefined;

/** The suite's implementation, made once: it imports WebCrypto algorithms, which is asynchronous. */
export function suite(): Promise<CiphersuiteImpl> {
  loaded ??= getCiphersuiteImpl(getCiphersuiteFromName(SUITE_NAME));
  return loaded;
}

/**
 * ts-mls's defaults, spelt out because its group state carries them and they are functions, which
 * is why the stored form leaves them out and this puts them back. Credentials are not checked
 * against an authority: Tryst has none, and partners compare safety numbers instead.
 */
export const clientConfig: ClientConfig = {
  keyRetentionConfig: defaultKeyRetentionConfig,
  lifetimeConfig: defaultLifetimeConfig,
  keyPackageEqualityConfig: defaultKeyPackageEqualityConfig,
  paddingConfig: defaultPaddingConfig,
  authService: defaultAuthenticationService,
};
