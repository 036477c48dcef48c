package io.ticketing.systemtest.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * is one that service reads, and every NATS user it connects with is declared in nats.conf.
 */
class ComposeFileTest {

    private static Path root;
    private static String composeText;
    private static Map<String, Map<String, Object>> services;

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
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(composeText);
        while (m.find()) {
            assertThat(documented).as("documented in .env.example").contains(m.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingPassedToAServiceIsReadByIt() throws IOException {
        for (String module : List.of("user-service", "train-service", "ticket-service", "notification-service",
                "api-gateway")) {
            Map<String, Object> env = (Map<String, Object>) services.get(module).get("environment");
            String config = readConfig(module);
            for (String key : env.keySet()) {
                assertThat(config).as("%s reads %s", module, key).contains("${" + key);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesExistAndNatsUsersAreDeclared() throws IOException {
        String natsConf = Files.readString(root.resolve("deploy/nats/nats.conf"));
        Map<String, Object> natsEnv = (Map<String, Object>) services.get("nats").get("environment");
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
