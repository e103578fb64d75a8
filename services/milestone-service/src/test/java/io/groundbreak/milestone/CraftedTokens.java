package io.groundbreak.milestone;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens a test signs itself, with the claims the identity provider would give d120116 (DISTRICT of 120116). */
final class CraftedTokens {

    private CraftedTokens() {
    }

    /** d120116's claims from {@code issuer} for the services, valid for 5 minutes from now. */
    static JWTClaimsSet.Builder districtOfficeClaims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(List.of("groundbreak-services"))
                .subject(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "d120116").claim("roles", List.of("DISTRICT")).claim("district", "120116");
    }

    /** The claims signed RS256 by {@code key}, whose id is the token's {@code kid}. */
    static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
