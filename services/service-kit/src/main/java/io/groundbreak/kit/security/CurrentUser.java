package io.groundbreak.kit.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling: user name, role, and for a district office its district code. */
public record CurrentUser(String name, Role role, Optional<String> district) {

    static final String DISTRICT_AUTHORITY_PREFIX = "DISTRICT_";

    public static CurrentUser of(Authentication authentication) {
        Role role = null;
        String district = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            if (authority.startsWith("ROLE_")) {
                role = Role.valueOf(authority.substring("ROLE_".length()));
            } else if (authority.startsWith(DISTRICT_AUTHORITY_PREFIX)) {
                district = authority.substring(DISTRICT_AUTHORITY_PREFIX.length());
            }
        }
        if (role == null) {
            throw new IllegalStateException("user " + authentication.getName() + " has no Groundbreak role");
        }
        return new CurrentUser(authentication.getName(), role, Optional.ofNullable(district));
    }

    /** The authority that binds a district office to its district. */
    public static String districtAuthority(String districtCode) {
        return DISTRICT_AUTHORITY_PREFIX + districtCode;
    }

    /** A district office's user (DISTRICT or its REVIEWER): bound to one district. */
    public boolean isDistrictOffice() {
        return role.isBoundToDistrict();
    }

    public boolean isReviewer() {
        return role == Role.REVIEWER;
    }
}
