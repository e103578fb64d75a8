package io.groundbreak.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true&connectTimeout=5", "funnel_1"))
                .isEqualTo("jdbc:postgresql://db:5432/funnel_1?ssl=true&connectTimeout=5");
    }

    @Test
    void addsADatabaseWhereTheUrlHasNone() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432", "x")).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/", "x")).isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void keepsSeveralHosts() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:5432,b:5433/postgres", "x"))
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/x");
    }

    @Test
    void rejectsOtherUrls() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
