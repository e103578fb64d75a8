package io.groundbreak.kit.security.bearer;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The identity provider's claims as the user HTTP Basic would give: {@code ROLE_x} from the claim {@code roles} (the
 * five Groundbreak roles; a provider's own roles such as {@code offline_access} are ignored), and for a district office
 * (DISTRICT, REVIEWER) the authority of the district in the claim {@code district}; the name is
 * {@code preferred_username}, which becomes an event's {@code recordedBy}. Claims that cannot be such a user are
 * refused: no {@code preferred_username}, not exactly one Groundbreak role (the domain knows one role per user), or a
 * district office without a district of the reference data. As a token validator that refusal is a 401. Works on any
 * claims map (an access token's, an ID token's), so the web app's sign-in can read a person the same way.
 */
public final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken>, OAuth2TokenValidator<Jwt> {

    public static final String ROLES_CLAIM = "roles";
    public static final String DISTRICT_CLAIM = "district";
    public static final String NAME_CLAIM = "preferred_username";

    private final Set<String> districtCodes;

    public TokenUsers(Collection<String> districtCodes) {
        this.districtCodes = Set.copyOf(districtCodes);
    }

    /** Why these claims name no Groundbreak user; empty when they do. */
    public Optional<String> refusal(Map<String, Object> claims) {
        if (!(claims.get(NAME_CLAIM) instanceof String name) || name.isBlank()) {
            return Optional.of("the token names no user (preferred_username)");
        }
        List<Role> roles = roles(claims);
        if (roles.size() != 1) {
            return Optional.of(name + " has " + (roles.isEmpty() ? "no Groundbreak role" : "several roles " + roles));
        }
        if (roles.get(0).isBoundToDistrict() && !districtCodes.contains(claims.get(DISTRICT_CLAIM))) {
            return Optional.of(name + " is " + roles.get(0) + " without a district of the reference data");
        }
        return Optional.empty();
    }

    /** The authorities of claims that name a Groundbreak user ({@link #refusal} empty). */
    public List<GrantedAuthority> authorities(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles(claims)) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
            if (role.isBoundToDistrict()) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.districtAuthority((String) claims.get(DISTRICT_CLAIM))));
            }
        }
        return authorities;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), jwt.getClaimAsString(NAME_CLAIM));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return refusal(jwt.getClaims())
                .map(why -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    /** The Groundbreak roles among the claim {@code roles}; a claim of another shape counts as none. */
    private static List<Role> roles(Map<String, Object> claims) {
        if (!(claims.get(ROLES_CLAIM) instanceof Collection<?> claimed)) {
            return List.of();
        }
        return Arrays.stream(Role.values()).filter(role -> claimed.contains(role.name())).toList();
    }
}
