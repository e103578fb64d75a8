package io.groundbreak.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password checks that pay BCrypt once per user and password for a short time, not on every request: HTTP Basic
 * sends the password with every call, and a BCrypt check (cost 10) costs ~90 ms of CPU, far more than the write it
 * guards (infra/bench/ANALYSIS.md). A match is remembered as a SHA-256 digest of a secret drawn at start, the stored
 * hash and the presented password, so memory holds no password and no digest that is useful outside this process.
 * Only matches are remembered: a wrong password is checked by BCrypt every time. The stored hash is part of the
 * digest, so a user whose password hash changed is checked anew; a remembered match expires after {@code ttl}.
 * Requests that bring the same credentials while they are being checked wait for that one check instead of
 * starting their own: 32 connections of one district office opening at once cost one BCrypt check, not 32.
 */
public final class VerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final byte[] secret = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    public VerifiedPasswords(PasswordEncoder delegate, Duration ttl, int capacity, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String digest = digest(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(digest);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(digest, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            if (matches) {
                // a bound instead of an eviction order: the users are a few hundred offices, so reaching it means
                // expired entries piled up, and starting over costs one BCrypt check per user
                if (verified.size() >= capacity) {
                    verified.clear();
                }
                verified.put(digest, now.plus(ttl));
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(digest, mine);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(secret);
            byte[] encoded = encodedPassword.getBytes(StandardCharsets.UTF_8);
            // the length keeps the boundary between the stored hash and the password unambiguous
            sha256.update(Integer.toString(encoded.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(encoded);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
