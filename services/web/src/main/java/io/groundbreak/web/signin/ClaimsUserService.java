package io.groundbreak.web.signin;

import io.groundbreak.kit.security.bearer.TokenUsers;
import java.util.Map;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person read from the id token's claims exactly as the services read an access token (service-kit's
 * TokenUsers): named by {@code preferred_username}, one role of {@code roles}, a district office's {@code district}.
 * Claims that name no Groundbreak user are refused at sign-in ({@code /login?error}), so no session is made.
 */
public class ClaimsUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final TokenUsers users;

    public ClaimsUserService(TokenUsers users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = user.getClaims();
        users.refusal(claims).ifPresent(why -> {
            throw new OAuth2AuthenticationException(new OAuth2Error("groundbreak_user_refused", why, null), why);
        });
        return new DefaultOidcUser(users.authorities(claims), user.getIdToken(), user.getUserInfo(),
                TokenUsers.NAME_CLAIM);
    }
}
