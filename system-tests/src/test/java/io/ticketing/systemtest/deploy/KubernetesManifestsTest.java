package io.ticketing.systemtest.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize manifests, checked by reading them: complete, probed, wired to secrets that exist, PostgreSQL's data
 * in a subdirectory of its volume, client addresses kept at the gateway's load balancer, the NATS routes
 * authenticated and the NATS users those of the compose stack.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES =
            List.of("user-service", "train-service", "ticket-service", "notification-service", "api-gateway");
    private static Path k8s;
    private static List<Map<String, Object>> documents = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("deploy/k8s/kustomization.yaml"))) {
            root = root.getParent();
        }
        k8s = root.resolve("deploy/k8s");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(k8s.resolve("kustomization.yaml")));
        for (Object resource : (List<Object>) kustomization.get("resources")) {
            Path file = k8s.resolve((String) resource);
            assertThat(file).as("kustomize resource").exists();
            for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                documents.add((Map<String, Object>) doc);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workload(String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .filter(d -> name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> workload) {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) workload
                .get("spec")).get("template")).get("spec");
        return ((List<Map<String, Object>>) spec.get("containers")).get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsAProbedDeploymentWithAServiceAndSeveralReplicas() {
        for (String name : SERVICES) {
            Map<String, Object> deployment = workload("Deployment", name);
            workload("Service", name);
            assertThat((Integer) ((Map<String, Object>) deployment.get("spec")).get("replicas"))
                    .isGreaterThanOrEqualTo(2);
            Map<String, Object> c = container(deployment);
            assertThat(
                    ((Map<String, Object>) ((Map<String, Object>) c.get("readinessProbe")).get("httpGet")).get("path"))
                    .isEqualTo("/actuator/health/readiness");
            assertThat(
                    ((Map<String, Object>) ((Map<String, Object>) c.get("livenessProbe")).get("httpGet")).get("path"))
                    .isEqualTo("/actuator/health/liveness");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void natsIsAThreeNodeClusterAndServicesUseReplicatedStreams() {
        Map<String, Object> nats = workload("StatefulSet", "nats");
        assertThat(((Map<String, Object>) nats.get("spec")).get("replicas")).isEqualTo(3);
        for (String name : SERVICES) {
            List<Map<String, Object>> env =
                    (List<Map<String, Object>>) container(workload("Deployment", name)).get("env");
            assertThat(env).anySatisfy(e -> {
                assertThat(e.get("name")).isEqualTo("NATS_REPLICAS");
                assertThat(e.get("value")).isEqualTo("3");
            });
            assertThat(env).anySatisfy(e -> {
                assertThat(e.get("name")).isEqualTo("NATS_URL");
                assertThat((String) e.get("value")).contains("nats-0", "nats-1", "nats-2");
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySecretReferenceExistsInTheExampleAndNoSecretIsCommitted() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : Files.readAllLines(k8s.resolve("secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
        }
        String all = String.join("\n", Files.readAllLines(k8s.resolve("nats.yaml")));
        for (Map<String, Object> doc : documents) {
            collectSecretKeys(doc, keys);
        }
        assertThat(Files.readString(k8s.resolve(".gitignore"))).contains("secrets.env");
        assertThat(all).doesNotContain("password: ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresInitialisesASubdirectoryOfItsVolume() {
        Map<String, Object> c = container(workload("StatefulSet", "postgres"));
        String mount = ((List<Map<String, Object>>) c.get("volumeMounts")).stream()
                .filter(m -> "data".equals(m.get("name"))).map(m -> (String) m.get("mountPath")).findFirst()
                .orElseThrow();
        assertThat((List<Map<String, Object>>) c.get("env")).anySatisfy(e -> {
            assertThat(e.get("name")).isEqualTo("PGDATA");
            assertThat((String) e.get("value")).startsWith(mount + "/").hasSizeGreaterThan(mount.length() + 1);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewaysLoadBalancerKeepsClientAddresses() {
        Map<String, Object> spec = (Map<String, Object>) workload("Service", "api-gateway").get("spec");
        assertThat(spec.get("type")).isEqualTo("LoadBalancer");
        assertThat(spec.get("externalTrafficPolicy")).as("rate limits count per client address").isEqualTo("Local");
    }

    @Test
    @SuppressWarnings("unchecked")
    void natsRoutesAuthenticateAndTheUsersAreTheComposeStacks() throws IOException {
        String conf = Files.readString(k8s.resolve("nats.conf"));
        String cluster = conf.substring(conf.indexOf("cluster {"), conf.indexOf("\n}", conf.indexOf("cluster {")));
        assertThat(cluster).contains("authorization {", "user: route", "password: $NATS_CLUSTER_PASSWORD");
        List<Map<String, Object>> env = (List<Map<String, Object>>) container(workload("StatefulSet", "nats"))
                .get("env");
        List<String> names = env.stream().map(e -> (String) e.get("name")).toList();
        assertThat(names.indexOf("NATS_CLUSTER_PASSWORD")).as("defined before the routes expand it")
                .isNotNegative().isLessThan(names.indexOf("NATS_ROUTE_0"));
        for (int i = 0; i < 3; i++) {
            String route = "NATS_ROUTE_" + i;
            assertThat(cluster).contains("$" + route);
            assertThat(env).anySatisfy(e -> {
                assertThat(e.get("name")).isEqualTo(route);
                assertThat(e.get("value")).isEqualTo("nats://route:$(NATS_CLUSTER_PASSWORD)@" + "nats-"
                        + route.charAt(route.length() - 1) + ".nats:6222");
            });
        }
        String users = Files.readString(k8s.resolve("../nats/users.conf"));
        assertThat(conf.substring(conf.indexOf("\nauthorization {")))
                .as("deploy/k8s/nats.conf's users are deploy/nats/users.conf's")
                .isEqualTo(users.substring(users.indexOf("\nauthorization {")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void userServiceSignsWithOneKeyFromAGeneratedSecretFile() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(k8s.resolve("kustomization.yaml")));
        Map<String, Object> jwt = ((List<Map<String, Object>>) kustomization.get("secretGenerator")).stream()
                .filter(g -> "ticketing-jwt".equals(g.get("name"))).findFirst().orElseThrow();
        String file = ((List<String>) jwt.get("files")).get(0);
        assertThat(Files.readString(k8s.resolve(".gitignore"))).contains(file);

        Map<String, Object> deployment = workload("Deployment", "user-service");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
                .get("spec")).get("template")).get("spec");
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> "jwt-keys".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) volume.get("secret")).get("secretName")).isEqualTo("ticketing-jwt");
        assertThat(((Map<String, Object>) pod.get("securityContext")).get("fsGroup")).as("the key is readable")
                .isEqualTo(10001);
        Map<String, Object> c = container(deployment);
        String mount = ((List<Map<String, Object>>) c.get("volumeMounts")).stream()
                .filter(m -> "jwt-keys".equals(m.get("name"))).map(m -> (String) m.get("mountPath")).findFirst()
                .orElseThrow();
        assertThat((List<Map<String, Object>>) c.get("env")).anySatisfy(e -> {
            assertThat(e.get("name")).isEqualTo("JWT_PRIVATE_KEY_PATH");
            assertThat(e.get("value")).isEqualTo(mount + "/" + file);
        });
    }

    @SuppressWarnings("unchecked")
    private static void collectSecretKeys(Object node, Set<String> known) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("secretKeyRef");
            if (ref instanceof Map<?, ?> r) {
                assertThat(known).as("secret key referenced by a manifest").contains((String) r.get("key"));
            }
            map.values().forEach(v -> collectSecretKeys(v, known));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectSecretKeys(v, known));
        }
    }
}
