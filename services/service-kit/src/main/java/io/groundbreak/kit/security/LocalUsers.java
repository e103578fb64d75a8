package io.groundbreak.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The development users of the {@code local} profile: leader, auditor, admin, and per district of the reference data
 * one district office ({@code d120116}/{@code d120116-dev}) and its reviewer ({@code r120116}/{@code r120116-dev}). Passwords are not hashed:
 * they are published in the README, and hashing them would only slow every request.
 */
public final class LocalUsers {

    private LocalUsers() {
    }

    public static List<UserDetails> forDistricts(Collection<String> districtCodes) {
        List<UserDetails> users = new ArrayList<>();
        users.add(user("leader", Role.LEADER));
        users.add(user("auditor", Role.AUDITOR));
        users.add(user("admin", Role.ADMIN));
        for (String code : districtCodes) {
            users.add(districtUser("d" + code, Role.DISTRICT, code));
            users.add(districtUser("r" + code, Role.REVIEWER, code));
        }
        return users;
    }

    private static UserDetails districtUser(String name, Role role, String code) {
        return User.withUsername(name).password("{noop}" + name + "-dev")
                .authorities(role.authority(), CurrentUser.DISTRICT_AUTHORITY_PREFIX + code).build();
    }

    private static UserDetails user(String name, Role role) {
        return User.withUsername(name).password("{noop}" + name + "-dev").authorities(role.authority()).build();
    }
}
