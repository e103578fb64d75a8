package io.groundbreak.web.signin;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The provider's claims as the authorities the app and service-kit's {@link CurrentUser} read: exactly one of
 * the five roles in {@code roles} (the provider's own roles, e.g. {@code offline_access}, are ignored) and, for a
 * district office, a known district code in {@code district}. Anyone else is refused at sign-in.
 */
final class TokenClaims {

    static final String USER_NAME = "preferred_username";
    static final String ROLES = "roles";
    static final String DISTRICT = "district";

    private TokenClaims() {
    }

    static List<GrantedAuthority> authorities(OidcUser user, Collection<String> districtCodes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> claimed = user.getClaimAsStringList(ROLES);
        for (String name : claimed == null ? List.<String>of() : claimed) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        if (roles.size() != 1) {
            throw refused(user.getName() + " has " + (roles.isEmpty() ? "no Groundbreak role" : "several roles " + roles));
        }
        Role role = roles.iterator().next();
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(role.authority())));
        if (role.isBoundToDistrict()) {
            String district = user.getClaimAsString(DISTRICT);
            if (district == null || !districtCodes.contains(district)) {
                throw refused(user.getName() + " is " + role + " without a known district (" + district + ")");
            }
            authorities.add(new SimpleGrantedAuthority(CurrentUser.districtAuthority(district)));
        }
        return authorities;
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("groundbreak_user_refused", why, null), why);
    }
}
