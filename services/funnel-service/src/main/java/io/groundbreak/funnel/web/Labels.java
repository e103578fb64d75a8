package io.groundbreak.funnel.web;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.query.SourceBreakdown;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.reference.StageInfo;
import org.springframework.stereotype.Component;

/** Names from the reference data; a code it does not know (data swapped since) keeps its code and no names. */
@Component
class Labels {

    private final ReferenceData referenceData;

    Labels(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    Label district(String code) {
        return referenceData.district(code).map(d -> new Label(d.code(), d.nameZh(), d.nameEn()))
                .orElse(new Label(code, null, null));
    }

    Label chain(String code) {
        return referenceData.chain(code).map(c -> new Label(c.code(), c.nameZh(), c.nameEn()))
                .orElse(new Label(code, null, null));
    }

    /** A project source; the projects without one ({@link SourceBreakdown#NO_SOURCE}) get a null code and these names. */
    Label source(String code) {
        if (code == null || code.equals(SourceBreakdown.NO_SOURCE)) {
            return new Label(null, "未记录来源", "No source recorded");
        }
        return referenceData.source(code).map(source -> new Label(source.code(), source.nameZh(), source.nameEn()))
                .orElse(new Label(code, null, null));
    }

    Label stage(Stage stage) {
        if (stage == null) {
            return null;
        }
        StageInfo info = referenceData.stage(stage);
        return new Label(stage.name(), info.nameZh(), info.nameEn());
    }
}
