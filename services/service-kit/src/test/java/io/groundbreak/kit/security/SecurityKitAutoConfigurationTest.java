package io.groundbreak.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.kit.reference.ReferenceDataAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class SecurityKitAutoConfigurationTest {

    private static final String HASH = new BCryptPasswordEncoder(4).encode("s3cret-城市");
    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityKitAutoConfiguration.class, ReferenceDataAutoConfiguration.class));

    private ApplicationContextRunner inProfile(String profile) {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles(profile));
    }

    @Test
    void theLocalProfileHasTheDevelopmentUsersWithTheirPublishedPasswords() {
        inProfile("local").run(context -> {
            UserDetailsService users = context.getBean(UserDetailsService.class);
            UserDetails office = users.loadUserByUsername("d120116");
            assertThat(PASSWORDS.matches("d120116-dev", office.getPassword())).isTrue();
            assertThat(office.getAuthorities()).extracting(Object::toString).contains("ROLE_DISTRICT", "DISTRICT_120116");
            assertThat(PASSWORDS.matches("leader-dev", users.loadUserByUsername("leader").getPassword())).isTrue();
        });
    }

    @Test
    void noBeanOffersToReencodePasswordsSoALoginNeverTurnsACheapCheckIntoABCryptOne() {
        inProfile("local").run(context -> {
            assertThat(context.getBeansOfType(UserDetailsPasswordService.class)).isEmpty();
            assertThat(context.getBean(UserDetailsService.class)).isNotInstanceOf(UserDetailsPasswordService.class);
        });
    }

    @Test
    void anyOtherProfileAcceptsOnlyConfiguredUsersWithBCryptHashes() {
        inProfile("prod").withPropertyValues(
                "groundbreak.security.users[0].name=binhai-office",
                "groundbreak.security.users[0].password-hash=" + HASH,
                "groundbreak.security.users[0].role=DISTRICT",
                "groundbreak.security.users[0].district=120116",
                "groundbreak.security.users[1].name=city-leader",
                "groundbreak.security.users[1].password-hash=" + HASH,
                "groundbreak.security.users[1].role=LEADER").run(context -> {
                    UserDetailsService users = context.getBean(UserDetailsService.class);
                    UserDetails office = users.loadUserByUsername("binhai-office");
                    assertThat(PASSWORDS.matches("s3cret-城市", office.getPassword())).isTrue();
                    assertThat(PASSWORDS.matches("wrong", office.getPassword())).isFalse();
                    assertThat(office.getAuthorities()).extracting(Object::toString)
                            .containsExactlyInAnyOrder("ROLE_DISTRICT", "DISTRICT_120116");
                    assertThat(users.loadUserByUsername("city-leader").getAuthorities()).extracting(Object::toString)
                            .containsExactly("ROLE_LEADER");
                    assertThatThrownBy(() -> users.loadUserByUsername("leader")).isInstanceOf(UsernameNotFoundException.class);
                    assertThatThrownBy(() -> users.loadUserByUsername("d120116")).isInstanceOf(UsernameNotFoundException.class);
                });
    }

    @Test
    void anotherProfileRefusesToStartWhenADevelopmentUserIsConfigured() {
        inProfile("prod").withPropertyValues(
                "groundbreak.security.users[0].name=admin",
                "groundbreak.security.users[0].password-hash=" + HASH,
                "groundbreak.security.users[0].role=ADMIN").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("'admin'"));
        inProfile("prod").withPropertyValues(
                "groundbreak.security.users[0].name=d120101",
                "groundbreak.security.users[0].password-hash=" + HASH,
                "groundbreak.security.users[0].role=DISTRICT",
                "groundbreak.security.users[0].district=120101").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void aPasswordThatIsNotABCryptHashOrADistrictOfficeWithoutDistrictRefusesToStart() {
        inProfile("prod").withPropertyValues(
                "groundbreak.security.users[0].name=someone",
                "groundbreak.security.users[0].password-hash=plain-text",
                "groundbreak.security.users[0].role=LEADER").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("BCrypt"));
        inProfile("prod").withPropertyValues(
                "groundbreak.security.users[0].name=office",
                "groundbreak.security.users[0].password-hash=" + HASH,
                "groundbreak.security.users[0].role=DISTRICT",
                "groundbreak.security.users[0].district=999999").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("district"));
    }

    @Test
    void withoutConfiguredUsersAnotherProfileAcceptsNobody() {
        inProfile("prod").run(context -> assertThatThrownBy(() ->
                context.getBean(UserDetailsService.class).loadUserByUsername("admin"))
                .isInstanceOf(UsernameNotFoundException.class));
    }
}
