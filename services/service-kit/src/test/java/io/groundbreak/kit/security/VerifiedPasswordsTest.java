package io.groundbreak.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret-城市");

    /** Counts the BCrypt checks that really ran. */
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counted, Duration.ofMinutes(5), 100, clock);

    @Test
    void aRightPasswordIsCheckedByBCryptOnceAndThenRemembered() {
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeAfterTheRightOneWasRemembered() {
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        assertThat(passwords.matches("s3cret-城", HASH)).isFalse();
        assertThat(passwords.matches("s3cret-城市 ", HASH)).isFalse();
        assertThat(passwords.matches("", HASH)).isFalse();
        assertThat(passwords.matches("s3cret-城", HASH)).isFalse();
        assertThat(checks).hasValue(5);
    }

    @Test
    void aChangedPasswordHashRefusesTheOldPasswordAtOnce() {
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        String changed = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("new-secret");
        assertThat(passwords.matches("s3cret-城市", changed)).isFalse();
        assertThat(passwords.matches("new-secret", changed)).isTrue();
    }

    @Test
    void aRememberedMatchExpiresAndIsCheckedByBCryptAgain() {
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        now = now.plus(Duration.ofMinutes(5));
        assertThat(passwords.matches("s3cret-城市", HASH)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void theServicesUseIt() {
        assertThat(new SecurityKitAutoConfiguration().passwordEncoder("5m"))
                .isInstanceOf(VerifiedPasswords.class);
    }
}
