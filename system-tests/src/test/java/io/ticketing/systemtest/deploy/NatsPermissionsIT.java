package io.ticketing.systemtest.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.ticketing.platform.test.TestNats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The compose stack's NATS users (deploy/nats/users.conf) on a real nats-server: every request-reply subject the
 * protobuf contracts declare ("Request-reply on requests.service.Name") can be sent by the gateway's user and
 * answered by its service's user. A service whose user may not subscribe to its requests would start fine and
 * leave every such request unanswered, which no other test here would notice (the other tests run without users).
 */
class NatsPermissionsIT {

    private static final Pattern REQUEST = Pattern.compile("Request-reply on (requests\\.([a-z]+)\\.[A-Za-z]+)");
    private static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            "gateway", "NATS_GATEWAY_PASSWORD",
            "user-service", "NATS_USER_SERVICE_PASSWORD",
            "train-service", "NATS_TRAIN_SERVICE_PASSWORD",
            "ticket-service", "NATS_TICKET_SERVICE_PASSWORD",
            "notification-service", "NATS_NOTIFICATION_SERVICE_PASSWORD");

    private static Path root;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startServerWithTheComposeUsers() throws Exception {
        String binary = TestNats.findBinary();
        assumeThat(binary).as("a nats-server binary").isNotNull();
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
        }
        Path dir = Files.createTempDirectory("nats-permissions");
        Files.copy(root.resolve("deploy/nats/users.conf"), dir.resolve("users.conf"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("nats.conf"), "listen: 127.0.0.1:" + port + "\ninclude ./users.conf\n");
        ProcessBuilder builder = new ProcessBuilder(binary, "-c", dir.resolve("nats.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile());
        PASSWORD_VARIABLES.forEach((user, variable) -> builder.environment().put(variable, password(user)));
        server = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection ignored = connect("gateway", new ArrayList<>())) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("nats-server with users.conf did not start; see "
                            + dir.resolve("nats.log"), e);
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void everyDeclaredRequestIsSentByTheGatewayAndAnsweredByItsService() throws Exception {
        Map<String, String> requests = declaredRequests();
        assertThat(requests).containsKeys("requests.user.RegisterUser", "requests.ticket.LookupTicket");
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection gateway = connect("gateway", errors)) {
            for (Map.Entry<String, String> request : requests.entrySet()) {
                String user = request.getValue() + "-service";
                try (Connection service = connect(user, errors)) {
                    service.createDispatcher(msg -> service.publish(msg.getReplyTo(), "ok".getBytes()))
                            .subscribe(request.getKey(), user);
                    service.flush(Duration.ofSeconds(5));

                    Message reply = gateway.request(request.getKey(), new byte[0], Duration.ofSeconds(5));

                    assertThat(reply).as("%s answered by %s", request.getKey(), user).isNotNull();
                    assertThat(reply.isStatusMessage()).as("%s answered by %s", request.getKey(), user).isFalse();
                    assertThat(new String(reply.getData())).isEqualTo("ok");
                }
            }
        }
        assertThat(errors).as("permission violations").isEmpty();
    }

    /** Every request subject named in the protobuf contracts, with the service that answers it. */
    private static Map<String, String> declaredRequests() throws IOException {
        Map<String, String> requests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("proto/src/main/proto"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".proto")).toList()) {
                Matcher m = REQUEST.matcher(Files.readString(file));
                while (m.find()) {
                    requests.put(m.group(1), m.group(2));
                }
            }
        }
        return requests;
    }

    private static Connection connect(String user, List<String> errors) throws IOException, InterruptedException {
        return Nats.connect(Options.builder()
                .server("nats://127.0.0.1:" + port)
                .userInfo(user, password(user))
                .maxReconnects(0)
                .errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        errors.add(user + ": " + error);
                    }
                })
                .build());
    }

    private static String password(String user) {
        return "test-password-of-" + user;
    }
}
