package io.groundbreak.kit.security.bearer;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
 * Turns a verified access token into the user HTTP Basic would give: {@code ROLE_x} from the claim {@code roles}
 * (only the five Groundbreak roles; a provider's own roles such as {@code offline_access} are ignored), and for a
 * district office (DISTRICT, REVIEWER) the authority of the district in the claim {@code district}; the name is
 * {@code preferred_username}, which becomes an event's {@code recordedBy}. As a validator it refuses (401) what
 * cannot be such a user: no {@code preferred_username}, more than one Groundbreak role (the domain knows one role
 * per user), or a district office without a district of the reference data.
 */
public final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken>, OAuth2TokenValidator<Jwt> {

    public static final String ROLES_CLAIM = "roles";
    public static final String DISTRICT_CLAIM = "district";
    public static final String NAME_CLAIM = "preferred_username";

    private final Set<String> districtCodes;

    public TokenUsers(Collection<String> districtCodes) {
        this.districtCodes = Set.copyOf(districtCodes);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles(jwt)) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
            if (role.isBoundToDistrict()) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.districtAuthority(jwt.getClaimAsString(DISTRICT_CLAIM))));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString(NAME_CLAIM));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String name = jwt.getClaimAsString(NAME_CLAIM);
        if (name == null || name.isBlank()) {
            return refuse("the token names no user (preferred_username)");
        }
        List<Role> roles = roles(jwt);
        if (roles.size() > 1) {
            return refuse("the token carries more than one Groundbreak role");
        }
        if (!roles.isEmpty() && roles.get(0).isBoundToDistrict()
                && !districtCodes.contains(jwt.getClaimAsString(DISTRICT_CLAIM))) {
            return refuse("a district office's token needs a district of the reference data");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** The Groundbreak roles among the token's {@code roles}; a claim of another shape counts as none. */
    private static List<Role> roles(Jwt jwt) {
        if (!(jwt.getClaims().get(ROLES_CLAIM) instanceof Collection<?> claimed)) {
            return List.of();
        }
        return Arrays.stream(Role.values()).filter(role -> claimed.contains(role.name())).toList();
    }

    private static OAuth2TokenValidatorResult refuse(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
