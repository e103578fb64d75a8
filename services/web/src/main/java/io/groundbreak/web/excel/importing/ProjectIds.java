package io.groundbreak.web.excel.importing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The project id a registration from the web app chooses: derived from the project's code (a name-based
 * UUID), so that later rows of the same file, and the same file uploaded again, name the same project
 * before any read model has seen it, and a repeated registration is recognised by milestone-service.
 */
public final class ProjectIds {

    private static final String NAMESPACE = "groundbreak:project-code:";

    private ProjectIds() {
    }

    public static String fromCode(String code) {
        return UUID.nameUUIDFromBytes((NAMESPACE + code.strip()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
