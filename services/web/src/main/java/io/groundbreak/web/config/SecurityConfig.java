package io.groundbreak.web.config;

import io.groundbreak.kit.security.ProblemSecurityHandlers;
import io.groundbreak.kit.security.Role;
import io.groundbreak.kit.security.bearer.IdentityProviderProperties;
import io.groundbreak.kit.security.bearer.TokenUsers;
import io.groundbreak.web.gateway.UserTokens;
import io.groundbreak.web.signin.ClaimsUserService;
import io.groundbreak.web.signin.IdentityProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Sign-in through the city's OpenID Connect provider (authorization code with PKCE, a public client), a session
 * cookie, and CSRF protection for every state-changing call (the token travels as a cookie the pages echo in a
 * header). Pages without a session go straight to the provider's login; /api and /web answer 401/403 as
 * problem+json. Logout ends the session here and at the provider. The audit pages are for auditors and admins
 * only; the services enforce roles and districts again on every forwarded call, with the user's own token.
 * A Content-Security-Policy on every answer: scripts, styles and fonts only from the app itself, no inline code, no
 * framing, forms only to the app and the provider.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    IdentityProvider identityProvider(IdentityProviderProperties provider,
                                      @Value("${groundbreak.web.client-id:groundbreak-web}") String clientId) {
        return new IdentityProvider(provider.issuer(), provider.jwkSetUri(), clientId);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(IdentityProvider provider) {
        return new InMemoryClientRegistrationRepository(provider.registration());
    }

    /** The users' tokens in the web app's database (V3), so that every instance and an import's thread relay them. */
    @Bean
    OAuth2AuthorizedClientService authorizedClients(JdbcOperations jdbc, ClientRegistrationRepository registrations) {
        return new JdbcOAuth2AuthorizedClientService(jdbc, registrations);
    }

    @Bean
    UserTokens userTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        // refreshed when it expires within the provider's default clock skew (a minute)
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().refreshToken().build());
        return new UserTokens(manager, IdentityProvider.REGISTRATION_ID);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, IdentityProvider provider, ClientRegistrationRepository registrations,
                            OAuth2AuthorizedClientService clients, TokenUsers users, Environment environment) throws Exception {
        ProblemSecurityHandlers problems = ProblemSecurityHandlers.withoutBasicChallenge();
        RequestMatcher json = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                PathPatternRequestMatcher.pathPattern("/web/**"));
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.secure(!local).sameSite("Lax"));
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        return http
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfCookie))
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizedClientRepository(new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(clients))
                        .userInfoEndpoint(user -> user.oidcUserService(new ClaimsUserService(users))))
                .logout(logout -> logout
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                clients.removeAuthorizedClient(IdentityProvider.REGISTRATION_ID,
                                        authentication.getName());
                            }
                        })
                        .logoutSuccessHandler(providerLogout))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self' " + provider.origin()
                                + "; base-uri 'self'")))
                .exceptionHandling(errors -> errors
                        // a page without a session goes straight to the provider's login (not to /login, which
                        // only says that one signed out or could not sign in)
                        .authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint(IdentityProvider.SIGN_IN_PATH),
                                new RequestMatcherEntry<>(json, problems)))
                        // explicit: a single default handler would also answer the pages with JSON
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(json, problems)), new AccessDeniedHandlerImpl())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login.html", "/css/**", "/js/i18n.js", "/js/login.js",
                                "/webjars/**", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/audit.html", "/js/audit.js", "/js/completeness.js", "/js/deadletters.js")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }
}
