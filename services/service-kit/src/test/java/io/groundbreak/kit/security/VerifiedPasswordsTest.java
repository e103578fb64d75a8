package io.groundbreak.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void requestsWithTheSameCredentialsAtOnceShareOneBCryptCheck() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowChecks = new AtomicInteger();
        VerifiedPasswords shared = new VerifiedPasswords(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                slowChecks.incrementAndGet();
                checking.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return bcrypt.matches(raw, encoded);
            }
        }, Duration.ofMinutes(5), 100, clock);
        ExecutorService connections = Executors.newFixedThreadPool(17);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            answers.add(connections.submit(() -> shared.matches("s3cret-城市", HASH)));
            checking.await();
            for (int i = 1; i < 16; i++) {
                answers.add(connections.submit(() -> shared.matches("s3cret-城市", HASH)));
            }
            Future<Boolean> wrong = connections.submit(() -> shared.matches("wrong", HASH));
            await().atMost(Duration.ofSeconds(10)).until(() -> slowChecks.get() == 2);
            release.countDown();

            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(wrong.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(slowChecks).as("one check for the right password, one for the wrong one").hasValue(2);
        } finally {
            connections.shutdownNow();
        }
    }

    @Test
    void theServicesUseIt() {
        assertThat(new SecurityKitAutoConfiguration().passwordEncoder("5m"))
                .isInstanceOf(VerifiedPasswords.class);
    }
}
