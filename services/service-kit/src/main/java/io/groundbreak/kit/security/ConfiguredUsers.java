package io.groundbreak.kit.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users from configuration, in any profile: {@code groundbreak.security.users[i].name},
 * {@code .password-hash} (BCrypt, e.g. from {@code htpasswd -bnBC 10 "" secret}), {@code .role} and,
 * for a DISTRICT user, {@code .district}.
 */
@ConfigurationProperties("groundbreak.security")
public record ConfiguredUsers(List<User> users) {

    public ConfiguredUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String passwordHash, Role role, String district) {
    }
}
