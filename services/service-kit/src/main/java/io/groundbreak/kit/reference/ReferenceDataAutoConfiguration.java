package io.groundbreak.kit.reference;

import io.groundbreak.reference.ReferenceData;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Districts, chains and stages, loaded once at start; another city points the property elsewhere. */
@AutoConfiguration
public class ReferenceDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReferenceData referenceData(@Value("${groundbreak.reference-data:}") String directory) {
        return directory.isBlank() ? ReferenceData.loadDefault() : ReferenceData.load(Path.of(directory));
    }
}
