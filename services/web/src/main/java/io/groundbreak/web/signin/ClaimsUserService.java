package io.groundbreak.web.signin;

import java.util.Collection;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in user with the app's authorities (TokenClaims), named by {@code preferred_username}. */
public class ClaimsUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final Collection<String> districtCodes;

    public ClaimsUserService(Collection<String> districtCodes) {
        this.districtCodes = districtCodes;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        return new DefaultOidcUser(TokenClaims.authorities(user, districtCodes), user.getIdToken(),
                user.getUserInfo(), TokenClaims.USER_NAME);
    }
}
