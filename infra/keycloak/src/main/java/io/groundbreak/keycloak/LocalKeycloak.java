package io.groundbreak.keycloak;

import io.groundbreak.reference.ReferenceData;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * For {@code infra/local.sh}, which has only a shell:
 * <ul>
 *   <li>{@code java-home} prints the JDK (21+) to run Keycloak with;</li>
 *   <li>{@code build HOME} builds the distribution in HOME for PostgreSQL, once;</li>
 *   <li>{@code command HOME PORT JDBC_URL DB_USER} prints the start command, one argument per line;</li>
 *   <li>{@code import BASE_URL ADMIN_USER ADMIN_PASSWORD REDIRECT_URI…} creates the realm {@code groundbreak}
 *       (the configured reference data's districts) unless it exists.</li>
 * </ul>
 */
public final class LocalKeycloak {

    private LocalKeycloak() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("java-home")) {
            System.out.println(KeycloakDist.javaHome(System.getenv()));
        } else if (args.length == 2 && args[0].equals("build")) {
            if (KeycloakDist.at(Path.of(args[1])).ensureBuilt(KeycloakDist.javaHome(System.getenv()))) {
                System.out.println("Keycloak built for PostgreSQL (kc.sh build, once for this copy)");
            }
        } else if (args.length == 5 && args[0].equals("command")) {
            KeycloakDist.at(Path.of(args[1])).startCommand(Integer.parseInt(args[2]), args[3], args[4])
                    .forEach(System.out::println);
        } else if (args.length >= 5 && args[0].equals("import")) {
            KeycloakAdmin admin = new KeycloakAdmin(URI.create(args[1]), args[2], args[3]);
            List<String> redirectUris = Arrays.asList(args).subList(4, args.length);
            boolean created = admin.importIfAbsent(Realms.realm(Realms.GROUNDBREAK,
                    ReferenceData.loadConfigured().districtCodes(), redirectUris));
            System.out.println(created ? "realm " + Realms.GROUNDBREAK + " imported" : "realm " + Realms.GROUNDBREAK
                    + " exists; left as it is");
        } else {
            System.err.println("usage: LocalKeycloak java-home | build HOME | command HOME PORT JDBC_URL DB_USER"
                    + " | import BASE_URL ADMIN_USER ADMIN_PASSWORD REDIRECT_URI…");
            System.exit(2);
        }
    }
}
