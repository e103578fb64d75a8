package io.groundbreak.milestone.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.milestone.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/** Every request passes the security filters unwrapped: no observation per filter (service-kit's settings). */
class SecurityObservationsIT extends ServiceTestBase {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Test
    void theFilterChainIsNotWrappedInObservations() {
        assertThat(ReflectionTestUtils.getField(springSecurityFilterChain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
