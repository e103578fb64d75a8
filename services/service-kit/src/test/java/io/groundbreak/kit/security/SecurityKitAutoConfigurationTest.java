package io.groundbreak.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.kit.reference.ReferenceDataAutoConfiguration;
import io.groundbreak.kit.security.bearer.BearerTokenAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class SecurityKitAutoConfigurationTest {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityKitAutoConfiguration.class, BearerTokenAutoConfiguration.class,
                    ReferenceDataAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

    private WebApplicationContextRunner inProfile(String profile) {
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
    void anyOtherProfileHasNoUserAtAllNotEvenSpringBootsGeneratedOne() {
        inProfile("prod").run(context -> assertThat(context).doesNotHaveBean(UserDetailsService.class));
    }

    @Test
    void a401ChallengesForABearerTokenAndForBasicOnlyInProfileLocal() throws Exception {
        MockHttpServletResponse local = new MockHttpServletResponse();
        new ProblemSecurityHandlers(true).commence(new MockHttpServletRequest(), local, new BadCredentialsException("no"));
        assertThat(local.getHeaders("WWW-Authenticate")).containsExactly("Bearer", "Basic realm=\"groundbreak\"");
        assertThat(local.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse elsewhere = new MockHttpServletResponse();
        new ProblemSecurityHandlers(false).onAuthenticationFailure(new MockHttpServletRequest(), elsewhere,
                new InvalidBearerTokenException("expired"));
        assertThat(elsewhere.getStatus()).isEqualTo(401);
        assertThat(elsewhere.getHeaders("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
        assertThat(elsewhere.getContentAsString()).contains("urn:groundbreak:problem:unauthenticated");
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseTheProviderIsUnreachableIs503NotA401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemSecurityHandlers(false).onAuthenticationFailure(new MockHttpServletRequest(), response,
                new AuthenticationServiceException("Couldn't retrieve remote JWK set"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("urn:groundbreak:problem:identity-provider-unavailable");
    }
}
