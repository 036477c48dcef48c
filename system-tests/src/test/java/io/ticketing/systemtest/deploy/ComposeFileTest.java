package io.ticketing.systemtest.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing on this machine can run Docker, so the compose stack is checked by reading it: every service it
 * builds exists, every variable it uses is documented in .env.example, every setting it passes to a service
 * is one that service reads, and every NATS user it connects with is declared in nats.conf. The same holds for
 * the scale-out override (docker-compose.scale.yml), which must run two replicas of every service behind the
 * gateway on a three-node JetStream cluster. The Dockerfile is read too: user-service's key folder is writable by
 * the image's user, the gateway's image holds the web client where WEB_DIST points, and .dockerignore keeps local
 * state out of the build context without dropping anything the Dockerfile copies.
 */
class ComposeFileTest {

    private static Path root;
    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    private static String scaleText;
    private static Map<String, Map<String, Object>> scaleServices;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
        }
        composeText = Files.readString(root.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        scaleText = Files.readString(root.resolve("docker-compose.scale.yml"));
        Map<String, Object> scale = new Yaml().load(scaleText);
        scaleServices = (Map<String, Map<String, Object>>) scale.get("services");
    }

    @Test
    void everyBuiltServiceIsAModuleWithADockerfile() {
        assertThat(Files.exists(root.resolve("Dockerfile"))).isTrue();
        assertThat(services).containsKeys("postgres", "nats", "user-service", "train-service", "ticket-service",
                "notification-service", "api-gateway");
        services.forEach((name, service) -> {
            Object build = service.get("build");
            if (build instanceof Map<?, ?> b) {
                Map<?, ?> args = (Map<?, ?>) b.get("args");
                String module = (String) args.get("MODULE");
                assertThat(module).isEqualTo(name);
                assertThat(root.resolve(module).resolve("pom.xml")).exists();
                assertThat(service.get("healthcheck")).as("%s healthcheck", name).isNotNull();
            }
        });
    }

    @Test
    void everyVariableIsDocumentedInEnvExample() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        for (String line : Files.readAllLines(root.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                documented.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(composeText + scaleText);
        while (m.find()) {
            assertThat(documented).as("documented in .env.example").contains(m.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingPassedToAServiceIsReadByIt() throws IOException {
        for (String module : List.of("user-service", "train-service", "ticket-service", "notification-service",
                "api-gateway")) {
            Map<String, Object> env = new java.util.LinkedHashMap<>(
                    (Map<String, Object>) services.get(module).get("environment"));
            env.putAll((Map<String, Object>) scaleServices.get(module).get("environment"));
            String config = readConfig(module);
            for (String key : env.keySet()) {
                assertThat(config).as("%s reads %s", module, key).contains("${" + key);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesExistAndNatsUsersAreDeclared() throws IOException {
        assertThat(Files.readString(root.resolve("deploy/nats/nats.conf"))).contains("include ./users.conf");
        String natsConf = Files.readString(root.resolve("deploy/nats/users.conf"));
        Map<String, Object> natsEnv = (Map<String, Object>) services.get("nats").get("environment");
        Set<String> all = new LinkedHashSet<>(services.keySet());
        all.addAll(scaleServices.keySet());
        scaleServices.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> deps) {
                deps.keySet().forEach(dep -> assertThat(all).contains((String) dep));
            }
        });
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> deps) {
                deps.keySet().forEach(dep -> assertThat(services).containsKey((String) dep));
            }
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            if (env != null && env.containsKey("NATS_USER")) {
                assertThat(natsConf).contains("user: " + env.get("NATS_USER") + ",");
                String password = String.valueOf(env.get("NATS_PASSWORD"));
                String variable = password.substring(2, password.length() - 1);
                assertThat(natsEnv).containsKey(variable);
                assertThat(natsConf).contains("$" + variable);
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaleOverrideRunsTwoReplicasOfEveryServiceOnAThreeNodeNatsCluster() throws IOException {
        List<String> replicated = List.of("user-service", "train-service", "ticket-service", "notification-service");
        List<String> nodes = List.of("nats", "nats-2", "nats-3");
        assertThat(scaleServices).containsKeys("nats-2", "nats-3");
        Set<String> names = new LinkedHashSet<>();
        Set<String> dataVolumes = new LinkedHashSet<>();
        for (String node : nodes) {
            Map<String, Object> nats = scaleServices.get(node);
            assertThat((List<String>) nats.get("command")).containsExactly("-c", "/etc/nats/nats-cluster.conf");
            assertThat(nats.get("healthcheck")).as("%s healthcheck", node).isNotNull();
            Map<String, Object> env = (Map<String, Object>) nats.get("environment");
            names.add((String) env.get("NATS_SERVER_NAME"));
            assertThat(env).containsKeys((String[]) ((Map<String, Object>) services.get("nats").get("environment"))
                    .keySet().toArray(String[]::new));
            ((List<String>) nats.get("volumes")).stream().filter(v -> v.endsWith(":/data")).forEach(dataVolumes::add);
        }
        assertThat(names).containsExactlyElementsOf(nodes);
        assertThat(dataVolumes).as("one store per node").hasSize(3);

        String clusterConf = Files.readString(root.resolve("deploy/nats/nats-cluster.conf"));
        assertThat(clusterConf).contains("server_name: $NATS_SERVER_NAME", "sync_interval: always",
                "include ./users.conf");
        // routes authenticate: a route bypasses the users' permissions
        assertThat(clusterConf).contains("authorization {", "user: route", "password: $NATS_CLUSTER_PASSWORD",
                "$NATS_ROUTE_0", "$NATS_ROUTE_1", "$NATS_ROUTE_2");
        for (String node : nodes) {
            Map<String, Object> env = (Map<String, Object>) scaleServices.get(node).get("environment");
            for (int i = 0; i < nodes.size(); i++) {
                assertThat(env.get("NATS_ROUTE_" + i)).as("%s NATS_ROUTE_%d", node, i)
                        .isEqualTo("nats-route://route:${NATS_CLUSTER_PASSWORD}@" + nodes.get(i) + ":6222");
            }
        }
        assertThat(Files.readString(root.resolve(".env.example"))).contains("NATS_CLUSTER_PASSWORD=");

        String project = (String) new Yaml().<Map<String, Object>>load(composeText).get("name");
        for (String module : List.of("user-service", "train-service", "ticket-service", "notification-service",
                "api-gateway")) {
            Map<String, Object> service = scaleServices.get(module);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env.get("NATS_URL")).as("%s NATS_URL", module)
                    .isEqualTo("nats://nats:4222,nats://nats-2:4222,nats://nats-3:4222");
            assertThat(env.get("NATS_REPLICAS")).as("%s stream replicas", module).isEqualTo("3");
            assertThat(((Map<String, Object>) service.get("depends_on")).keySet()).contains("nats-2", "nats-3");
            if (replicated.contains(module)) {
                assertThat(((Map<String, Object>) service.get("deploy")).get("replicas")).as("%s replicas", module)
                        .isEqualTo(2);
            }
        }
        Map<String, Object> gateway = (Map<String, Object>) scaleServices.get("api-gateway").get("environment");
        for (String module : replicated) {
            String variable = module.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            assertThat(gateway.get(variable)).as("gateway %s", variable).isEqualTo("http://" + project + "-" + module
                    + "-1:8080,http://" + project + "-" + module + "-2:8080");
        }
        assertThat(scaleServices.get("api-gateway")).doesNotContainKey("deploy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void userServicesKeyFolderIsCreatedInTheImageOwnedByItsUser() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        Map<String, Object> userService = services.get("user-service");
        String keyDir = (String) ((Map<String, Object>) userService.get("environment")).get("JWT_KEY_DIR");
        assertThat((List<String>) userService.get("volumes")).as("a volume keeps the key").contains("jwtkeys:" + keyDir);

        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(runtime);
        assertThat(user.find()).as("the runtime stage runs as a numeric user").isTrue();
        String uid = user.group(1);
        Matcher created = Pattern.compile("install -d -o " + uid + " -g " + uid + " -m 700 " + Pattern.quote(keyDir)
                + "(\\s|$)").matcher(runtime);
        assertThat(created.find()).as("%s created owned by %s", keyDir, uid).isTrue();
        assertThat(created.start()).as("created before USER").isLessThan(user.start());
    }

    @Test
    void theGatewayImageServesTheWebClient() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        String packageJson = Files.readString(root.resolve("web/package.json"));
        assertThat(packageJson).contains("\"build\":");
        Matcher node = Pattern.compile("(?m)^FROM node:(\\d+)[^ ]* AS web$").matcher(dockerfile);
        assertThat(node.find()).as("a Node stage builds web/").isTrue();
        // Vite 8 (web/package-lock.json): ^20.19 || >= 22.12; node:20 and node:22+ images are past those
        int major = Integer.parseInt(node.group(1));
        assertThat(major == 20 || major >= 22).as("node %s runs Vite", major).isTrue();
        assertThat(dockerfile).contains("npm ci", "RUN npm run build", "COPY --from=web /web/dist ",
                "if [ \"${MODULE}\" = api-gateway ]; then cp -r /src/web-dist extracted/web; fi");
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).contains("WORKDIR /app", "COPY --from=build /app/extracted/ ./", "WEB_DIST=/app/web");
        assertThat(readConfig("api-gateway")).contains("${WEB_DIST");
        // everything web's build reads is copied into the stage
        for (String file : List.of("package.json", "package-lock.json", "index.html", "tsconfig.json",
                "vite.config.ts")) {
            assertThat(dockerfile).as("copies web/%s", file).contains("web/" + file);
        }
        assertThat(dockerfile).contains("COPY web/src src");
    }

    @Test
    void theBuildContextLeavesOutLocalStateButNothingTheDockerfileCopies() throws IOException {
        List<String> ignored = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(".dockerignore"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ignored.add(line.trim());
            }
        }
        for (String path : List.of(".git", ".run", ".run/keys/jwt-signing-key.pem", ".env", "web/dist",
                "web/node_modules", "user-service/target", "api-gateway/target/classes", "deploy/k8s/secrets.env")) {
            assertThat(excluded(ignored, path)).as("%s left out of the build context", path).isTrue();
        }
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(Files.readString(root.resolve("Dockerfile")));
        int copies = 0;
        while (copy.find()) {
            String[] parts = copy.group(1).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                String source = parts[i].replaceAll("/$", "");
                assertThat(root.resolve(source)).as("COPY %s", source).exists();
                assertThat(excluded(ignored, source)).as("COPY %s is in the build context", source).isFalse();
                copies++;
            }
        }
        assertThat(copies).isGreaterThan(10);
    }

    /** Whether a path (or a folder above it) matches a .dockerignore pattern ("**" any folders, "*" one name). */
    private static boolean excluded(List<String> patterns, String path) {
        boolean excluded = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = negated ? pattern.substring(1) : pattern;
            String regex = Pattern.quote(glob.replace("**/", "\u0001").replace("**", "\u0002"))
                    .replace("*", "\\E[^/]*\\Q").replace("\u0001", "\\E(?:.*/)?\\Q").replace("\u0002", "\\E.*\\Q");
            String[] segments = path.split("/");
            for (int n = 1; n <= segments.length; n++) {
                if (String.join("/", java.util.Arrays.copyOf(segments, n)).matches(regex)) {
                    excluded = !negated;
                    break;
                }
            }
        }
        return excluded;
    }

    private static String readConfig(String module) throws IOException {
        StringBuilder all = new StringBuilder();
        Path resources = root.resolve(module).resolve("src/main/resources");
        try (var files = Files.walk(resources)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")
                    || f.toString().endsWith(".properties")).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }
}
