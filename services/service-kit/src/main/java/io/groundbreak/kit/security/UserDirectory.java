package io.groundbreak.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Builds the users a service accepts and refuses to start on a dangerous configuration: a password
 * that is not a BCrypt hash, a district office without a known district, two users of one name, or
 * (outside profile {@code local}) a user named like one of the development users, whose passwords
 * are published in the README.
 */
final class UserDirectory {

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    private UserDirectory() {
    }

    static List<UserDetails> users(List<ConfiguredUsers.User> configured, boolean localProfile,
                                   Collection<String> districtCodes) {
        List<UserDetails> local = LocalUsers.forDistricts(districtCodes);
        Set<String> localNames = new HashSet<>();
        local.forEach(user -> localNames.add(user.getUsername()));
        List<UserDetails> users = new ArrayList<>(localProfile ? local : List.of());
        Set<String> names = new HashSet<>();
        for (ConfiguredUsers.User user : configured) {
            String name = user.name();
            if (name == null || name.isBlank()) {
                throw refuse("a configured user has no name");
            }
            if (localNames.contains(name)) {
                throw refuse("user '" + name + "' is a development user of profile local"
                        + (localProfile ? " already" : " and is accepted in no other profile"));
            }
            if (!names.add(name)) {
                throw refuse("user '" + name + "' is configured twice");
            }
            users.add(toUserDetails(user, districtCodes));
        }
        return users;
    }

    private static UserDetails toUserDetails(ConfiguredUsers.User user, Collection<String> districtCodes) {
        if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
            throw refuse("user '" + user.name() + "' needs a BCrypt password-hash");
        }
        if (user.role() == null) {
            throw refuse("user '" + user.name() + "' has no role");
        }
        List<String> authorities = new ArrayList<>(List.of(user.role().authority()));
        if (user.role().isBoundToDistrict()) {
            if (user.district() == null || !districtCodes.contains(user.district())) {
                throw refuse(user.role() + " user '" + user.name() + "' needs a district code of the reference data");
            }
            authorities.add(CurrentUser.DISTRICT_AUTHORITY_PREFIX + user.district());
        } else if (user.district() != null) {
            throw refuse("only a DISTRICT or REVIEWER user is bound to a district, not '" + user.name() + "'");
        }
        return User.withUsername(user.name())
                .password("{bcrypt}" + user.passwordHash())
                .authorities(authorities.toArray(String[]::new))
                .build();
    }

    private static IllegalStateException refuse(String why) {
        return new IllegalStateException("groundbreak.security.users: " + why);
    }
}
