package org.tryst.age;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tryst.config.Config;

/**
 * Age verification by an OpenID Connect provider: the authorization code flow with PKCE, state and
 * nonce; the code exchanged with the client secret; the ID token checked against the provider's
 * published keys (JWKS), its issuer, this server as its audience, its expiry and the check's nonce;
 * then the configured claim judged by {@link AgeClaim}. The token is read and dropped: nothing of it is kept.
 */
public final class OidcProvider implements AgeProvider {
    /** How far the provider's clock may be from ours. */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Config.Age config;
    private final Issuer issuer;
    private final ClientID clientId;
    private final URI redirect;
    private final AgeClaim claim;
    private final Clock clock;
    /** The provider's metadata and keys, discovered at the first check: a provider down at start-up does not stop the server. */
    private volatile Discovered discovered;

    private record Discovered(OIDCProviderMetadata metadata, DefaultJWTProcessor<SecurityContext> tokens) {}

    public OidcProvider(Config.Age config, Clock clock) {
        this.config = config;
        this.issuer = new Issuer(config.issuer());
        this.clientId = new ClientID(config.clientId());
        this.redirect = URI.create(config.publicUrl().replaceAll("/+$", "") + "/api/age/callback");
        this.claim = new AgeClaim(config.claim());
        this.clock = clock;
    }

    @Override
    public String attestation() {
        return "oidc:" + config.issuer();
    }

    @Override
    public URI authorization(Check check) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(config.scope()), clientId, redirect)
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(new State(check.state()))
                .nonce(new Nonce(check.nonce()))
                .codeChallenge(new CodeVerifier(check.verifier()), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public Outcome finish(Check check, Map<String, String> answer) {
        String error = answer.get("error");
        if (error != null) {
            return new Refused(error.equals("access_denied") ? Refusal.CANCELLED : Refusal.PROVIDER, "the provider answered " + error);
        }
        String code = answer.get("code");
        if (code == null || code.isBlank()) return new Refused(Refusal.PROVIDER, "the provider sent no code");
        Discovered provider;
        JWT idToken;
        try {
            provider = discovered();
            idToken = idToken(provider.metadata(), check, code);
        } catch (Unavailable unavailable) {
            return new Refused(Refusal.PROVIDER, unavailable.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = provider.tokens().process(idToken, null);
        } catch (BadJOSEException | JOSEException bad) {
            return new Refused(Refusal.INVALID_TOKEN, "signature: " + bad.getClass().getSimpleName());
        }
        String problem = problem(claims, check);
        if (problem != null) return new Refused(Refusal.INVALID_TOKEN, problem);
        return switch (claim.judge(claims.getClaims(), clock)) {
            case ADULT -> new Verified();
            case MINOR -> new Refused(Refusal.UNDER_AGE, "the " + config.claim() + " claim says under " + AgeClaim.ADULT);
            case UNKNOWN -> new Refused(Refusal.NO_CLAIM, "no usable " + config.claim() + " claim");
        };
    }

    /** The code exchanged for the ID token at the token endpoint, with the client secret and the PKCE verifier. */
    private JWT idToken(OIDCProviderMetadata metadata, Check check, String code) {
        Secret secret = new Secret(config.clientSecret());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        ClientAuthentication authentication = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? new ClientSecretPost(clientId, secret) : new ClientSecretBasic(clientId, secret);
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), authentication,
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, new CodeVerifier(check.verifier())));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException failed) {
            throw new Unavailable("the token request failed: " + failed.getClass().getSimpleName(), failed);
        }
        if (!response.indicatesSuccess()) {
            throw new Unavailable("the token endpoint refused the code: " + response.toErrorResponse().getErrorObject().getCode(), null);
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens) || tokens.getOIDCTokens().getIDToken() == null) {
            throw new Unavailable("the token endpoint sent no ID token", null);
        }
        return tokens.getOIDCTokens().getIDToken();
    }

    /** What is wrong with a signed ID token's claims for this check, or null (OpenID Connect Core 3.1.3.7). */
    private String problem(JWTClaimsSet claims, Check check) {
        Instant now = clock.instant();
        if (!issuer.getValue().equals(claims.getIssuer())) return "issuer";
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId.getValue())) return "audience";
        Object authorizedParty = claims.getClaim("azp");
        if ((audience.size() > 1 || authorizedParty != null) && !clientId.getValue().equals(authorizedParty)) return "authorized party";
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(SKEW).isAfter(now)) return "expired";
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(now.plus(SKEW))) return "issued in the future";
        if (!check.nonce().equals(claims.getClaim("nonce"))) return "nonce";
        if (claims.getSubject() == null) return "no subject";
        return null;
    }

    private Discovered discovered() {
        Discovered known = discovered;
        if (known != null) return known;
        synchronized (this) {
            if (discovered == null) discovered = discover();
            return discovered;
        }
    }

    /** The provider's metadata from {@code /.well-known/openid-configuration}, which must name the configured issuer. */
    private Discovered discover() {
        OIDCProviderMetadata metadata;
        JWKSource<SecurityContext> keys;
        try {
            metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(true).build();
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException failed) {
            throw new Unavailable("discovery at " + issuer + " failed: " + failed.getMessage(), failed);
        }
        // Signatures by the provider's published keys only: never none, never a secret shared with clients.
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered != null) offered.stream().filter(JWSAlgorithm.Family.SIGNATURE::contains).forEach(algorithms::add);
        if (algorithms.isEmpty()) algorithms.add(JWSAlgorithm.RS256);
        DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();
        tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        // The claims are checked by problem() against this server's clock.
        tokens.setJWTClaimsSetVerifier((claims, context) -> { });
        return new Discovered(metadata, tokens);
    }
}
