package io.groundbreak.web.gateway;

import io.groundbreak.kit.security.CurrentUser;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The signed-in user's own access token from the provider, refreshed with the refresh token when it is about to
 * expire (the manager's clock skew), so that a service records the person, not the web app. The tokens are kept
 * per user in the web app's database (every instance, also an import's own thread, reads them there).
 */
public class UserTokens {

    private final OAuth2AuthorizedClientManager clients;
    private final String registrationId;

    public UserTokens(OAuth2AuthorizedClientManager clients, String registrationId) {
        this.clients = clients;
        this.registrationId = registrationId;
    }

    /** @throws SignInExpired when there is no token left for the user or it can no longer be refreshed */
    String accessToken(CurrentUser user) {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                    .principal(user.name()).build());
        } catch (OAuth2AuthorizationException e) {
            throw new SignInExpired(user.name(), e);
        }
        if (client == null) {
            throw new SignInExpired(user.name(), null);
        }
        return client.getAccessToken().getTokenValue();
    }
}
