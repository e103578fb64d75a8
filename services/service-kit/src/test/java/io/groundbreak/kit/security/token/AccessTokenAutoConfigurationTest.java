package io.groundbreak.kit.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.kit.reference.ReferenceDataAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AccessTokenAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(AccessTokenAutoConfiguration.class, ReferenceDataAutoConfiguration.class));

    private ApplicationContextRunner inProfile(String profile) {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles(profile));
    }

    @Test
    void withoutASecretOnlyProfileLocalHasTokensSoAnotherProfileAcceptsHttpBasicOnly() {
        inProfile("local").run(context -> assertThat(context).hasSingleBean(AccessTokens.class));
        inProfile("prod").run(context -> assertThat(context).doesNotHaveBean(AccessTokens.class));
    }

    @Test
    void aConfiguredSecretEnablesTokensInAnyProfile() {
        inProfile("prod").withPropertyValues("groundbreak.security.token.secret=a-production-secret-of-32-bytes-or-more")
                .run(context -> assertThat(context).hasSingleBean(AccessTokens.class));
    }

    @Test
    void thePublishedDevelopmentSecretIsRefusedOutsideProfileLocal() {
        inProfile("prod").withPropertyValues("groundbreak.security.token.secret="
                        + AccessTokenAutoConfiguration.LOCAL_DEVELOPMENT_SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("groundbreak.security.token.secret is the published development secret "
                                + "of profile local; configure a secret of your own"));
    }
}
