package io.ticketing.systemtest.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.Source;
import io.nats.client.api.SubjectTransform;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.test.TestNats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The compose stack's NATS users (deploy/nats/users.conf) on a real nats-server with JetStream: every request-reply
 * subject the protobuf contracts declare ("Request-reply on requests.service.Name") can be sent by the gateway's
 * user and answered by its service's user. A service whose user may not subscribe to its requests would start fine
 * and leave every such request unanswered, which no other test here would notice (the other tests run without
 * users). The JetStream API calls each service makes (the platform's StreamProvisioner and DurableConsumer, repeated
 * here call for call, for every durable consumer the services' sources define) are allowed, and the destructive
 * ones are not: no service can purge or delete the COMMANDS stream, delete or take over another's consumer, or
 * change a stream it does not own (a changed COMMANDS could source forged commands from another stream).
 * Each client connects with its own inbox prefix (the platform's {@code _INBOX_<spring.application.name>}): request
 * replies, JetStream API answers and pulled messages reach it there, and no service may subscribe to another's
 * prefix or to the shared {@code _INBOX.>}, so none reads another's replies or deliveries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatsPermissionsIT {

    private static final List<String> SERVICES =
            List.of("gateway", "user-service", "train-service", "ticket-service", "notification-service");
    /** Stream -> the user that writes it and a subject of it (Streams.ALL of the platform). */
    private static final Map<String, List<String>> STREAMS = new LinkedHashMap<>();
    static {
        STREAMS.put("USERS", List.of("users.events.>", "user-service", "users.events.Test"));
        STREAMS.put("TRAINS", List.of("trains.events.>", "train-service", "trains.events.Test"));
        STREAMS.put("TICKETS", List.of("tickets.events.>", "ticket-service", "tickets.events.Test"));
        STREAMS.put("COMMANDS", List.of("commands.>", "gateway", "commands.ticket.Test"));
        STREAMS.put("DLQ", List.of("dlq.>", "ticket-service", "dlq.ticket-service"));
    }
    private static final Pattern DURABLE = Pattern.compile(
            "ConsumerDefinition\\.durable\\(\\s*(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_]*))\\s*,\\s*Streams\\.([A-Z]+)\\s*,"
                    + "\\s*\"([^\"]+)\"");

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
        Files.writeString(dir.resolve("nats.conf"), "listen: 127.0.0.1:" + port + "\njetstream { store_dir: \""
                + dir.resolve("js") + "\" }\ninclude ./users.conf\n");
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
                    List<String> replyTo = new CopyOnWriteArrayList<>();
                    service.createDispatcher(msg -> {
                        replyTo.add(msg.getReplyTo());
                        service.publish(msg.getReplyTo(), "ok".getBytes());
                    }).subscribe(request.getKey(), user);
                    service.flush(Duration.ofSeconds(5));

                    Message reply = gateway.request(request.getKey(), new byte[0], Duration.ofSeconds(5));

                    assertThat(reply).as("%s answered by %s", request.getKey(), user).isNotNull();
                    assertThat(reply.isStatusMessage()).as("%s answered by %s", request.getKey(), user).isFalse();
                    assertThat(new String(reply.getData())).isEqualTo("ok");
                    assertThat(replyTo).singleElement().asString().startsWith(inboxPrefix("gateway") + ".");
                }
            }
        }
        assertThat(errors).as("permission violations").isEmpty();
    }

    @Test
    @Order(1)
    void everyServiceProvisionsTheStreamsAndOwnersApplyAChangedSetting() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        for (String user : SERVICES) {
            try (Connection c = connect(user, errors)) {
                provision(c, Duration.ofDays(30));
            }
        }
        assertThat(errors).as("permission violations").isEmpty();

        // A release changes a stream setting (here the retention): as under a restart policy, every service but
        // the gateway starts over until it gets through; each stream's owner applies the change to it.
        List<String> pending = new ArrayList<>(SERVICES.subList(1, SERVICES.size()));
        for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
            for (String user : List.copyOf(pending)) {
                try (Connection c = connect(user, new ArrayList<>())) {
                    provision(c, Duration.ofDays(29));
                    pending.remove(user);
                } catch (IOException | JetStreamApiException refused) {
                    // not its stream, and its owner has not started yet: retried next round
                }
            }
        }
        assertThat(pending).as("services that never got through their start").isEmpty();
        try (Connection gateway = connect("gateway", errors)) {
            for (String stream : STREAMS.keySet()) {
                assertThat(gateway.jetStreamManagement().getStreamInfo(stream).getConfiguration().getMaxAge())
                        .as("%s updated", stream).isEqualTo(Duration.ofDays(29));
            }
            provision(gateway, Duration.ofDays(29));
        }
        assertThat(errors).as("permission violations").isEmpty();
    }

    @Test
    @Order(2)
    void everyServiceRunsItsDurableConsumersAndDeadLetters() throws Exception {
        Map<String, List<List<String>>> consumers = declaredConsumers();
        assertThat(consumers.get("ticket-service")).contains(
                List.of("ticket-service-commands", "COMMANDS", "commands.ticket.>"));
        assertThat(consumers).containsKeys("train-service", "notification-service");
        List<String> errors = new CopyOnWriteArrayList<>();
        for (Map.Entry<String, List<List<String>>> service : consumers.entrySet()) {
            String user = service.getKey();
            try (Connection c = connect(user, errors)) {
                for (List<String> consumer : service.getValue()) {
                    String durable = consumer.get(0);
                    String stream = consumer.get(1);
                    // as DurableConsumer.start(): create or update, bind, pull, in-progress, nak, ack
                    c.jetStreamManagement().addOrUpdateConsumer(stream, durable(durable, consumer.get(2)));
                    JetStreamSubscription subscription = c.jetStream().subscribe(null,
                            PullSubscribeOptions.bind(stream, durable));
                    assertThat(subscription.getSubject()).as("%s pulls into its own inbox", user)
                            .startsWith(inboxPrefix(user) + ".");
                    publishAs(STREAMS.get(stream).get(1), STREAMS.get(stream).get(2), errors);

                    subscription.pullExpiresIn(10, Duration.ofSeconds(5));
                    Message message = subscription.nextMessage(Duration.ofSeconds(5));
                    assertThat(message).as("%s on %s delivers to %s", durable, stream, user).isNotNull();
                    message.inProgress();
                    message.nakWithDelay(Duration.ofMillis(10));
                    subscription.pullExpiresIn(10, Duration.ofSeconds(5));
                    Message again = subscription.nextMessage(Duration.ofSeconds(5));
                    assertThat(again).as("%s redelivers after a nak", durable).isNotNull();
                    again.ack();
                    subscription.unsubscribe();
                }
                c.jetStream().publish(NatsMessage.builder().subject("dlq." + user).data(new byte[] {1}).build());
                c.flush(Duration.ofSeconds(5));
            }
        }
        assertThat(errors).as("permission violations").isEmpty();
    }

    @Test
    @Order(3)
    void noServiceCanDestroyOrRewireTheCommandsStreamOrTakeOverAnotherServicesConsumer() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection ticket = connect("ticket-service", errors)) {
            ticket.jetStreamManagement().addOrUpdateConsumer("COMMANDS",
                    durable("ticket-service-commands", "commands.ticket.>"));
        }
        publishAs("gateway", "commands.ticket.Test", errors);
        long commands;
        try (Connection gateway = connect("gateway", errors)) {
            commands = gateway.jetStreamManagement().getStreamInfo("COMMANDS").getStreamState().getMsgCount();
        }
        assertThat(commands).isPositive();
        assertThat(errors).isEmpty();

        for (String user : SERVICES) {
            List<String> refused = new CopyOnWriteArrayList<>();
            try (Connection c = connect(user, refused)) {
                JetStreamManagement jsm = c.jetStreamManagement();
                assertRefused(user, refused, "STREAM.PURGE.COMMANDS", () -> jsm.purgeStream("COMMANDS"));
                assertRefused(user, refused, "STREAM.DELETE.COMMANDS", () -> jsm.deleteStream("COMMANDS"));
                assertRefused(user, refused, "STREAM.MSG.DELETE.COMMANDS", () -> jsm.deleteMessage("COMMANDS", 1));
                assertRefused(user, refused, "CONSUMER.DELETE.COMMANDS",
                        () -> jsm.deleteConsumer("COMMANDS", "ticket-service-commands"));
                assertRefused(user, refused, "STREAM.PURGE.TICKETS", () -> jsm.purgeStream("TICKETS"));
                assertRefused(user, refused, "STREAM.DELETE.DLQ", () -> jsm.deleteStream("DLQ"));
                assertRefused(user, refused, "STREAM.CREATE.FORGED", () -> jsm.addStream(StreamConfiguration
                        .builder().name("FORGED").subjects("forged.>").storageType(StorageType.Memory).build()));
                if (!user.equals("gateway") && !user.equals("ticket-service")) {
                    // sourcing a stream the service writes, rewritten onto commands.>, would forge commands
                    StreamConfiguration rewired = StreamConfiguration.builder(
                            jsm.getStreamInfo("COMMANDS").getConfiguration())
                            .sources(Source.builder().name("DLQ").subjectTransforms(
                                    SubjectTransform.builder().source("dlq.>").destination("commands.ticket.Forged")
                                            .build()).build())
                            .build();
                    assertRefused(user, refused, "STREAM.UPDATE.COMMANDS", () -> jsm.updateStream(rewired));
                    assertRefused(user, refused, "CONSUMER.CREATE.COMMANDS", () -> jsm.addOrUpdateConsumer(
                            "COMMANDS", ConsumerConfiguration.builder().durable("ticket-service-commands")
                                    .filterSubject("commands.ticket.>").ackPolicy(AckPolicy.None).build()));
                    c.jetStream().subscribe(null, PullSubscribeOptions.fastBind("COMMANDS",
                            "ticket-service-commands")).fetch(1, Duration.ofMillis(200));
                    awaitViolation(user, refused, "CONSUMER.MSG.NEXT.COMMANDS");
                }
                if (!user.equals("user-service")) {
                    assertRefused(user, refused, "STREAM.UPDATE.USERS", () -> jsm.updateStream(
                            StreamConfiguration.builder(jsm.getStreamInfo("USERS").getConfiguration())
                                    .maxAge(Duration.ofSeconds(1)).build()));
                }
            }
        }

        try (Connection gateway = connect("gateway", errors); Connection ticket = connect("ticket-service", errors)) {
            StreamInfo info = gateway.jetStreamManagement().getStreamInfo("COMMANDS");
            assertThat(info.getStreamState().getMsgCount()).as("COMMANDS kept its messages").isEqualTo(commands);
            assertThat(info.getConfiguration().getSources()).as("COMMANDS sources nothing").isNullOrEmpty();
            assertThat(ticket.jetStreamManagement().getConsumerInfo("COMMANDS", "ticket-service-commands")
                    .getConsumerConfiguration().getAckPolicy()).isEqualTo(AckPolicy.Explicit);
            assertThat(gateway.jetStreamManagement().getStreamInfo("USERS").getConfiguration().getMaxAge())
                    .isGreaterThan(Duration.ofDays(1));
        }
        assertThat(errors).as("permission violations").isEmpty();
    }

    @Test
    @Order(4)
    void noServiceReadsAnotherClientsRepliesOrDeliveries() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection gateway = connect("gateway", errors)) {
            try {
                gateway.jetStreamManagement().getStreamInfo("COMMANDS");
            } catch (JetStreamApiException e) {
                provision(gateway, Duration.ofDays(29)); // this test run alone
            }
        }
        try (Connection ticket = connect("ticket-service", errors)) {
            ticket.jetStreamManagement().addOrUpdateConsumer("COMMANDS",
                    durable("ticket-service-commands", "commands.ticket.>"));
        }
        for (String spy : SERVICES) {
            List<String> refused = new CopyOnWriteArrayList<>();
            List<Message> overheard = new CopyOnWriteArrayList<>();
            try (Connection c = connect(spy, refused)) {
                List<String> subjects = new ArrayList<>(List.of("_INBOX.>", ">", "_INBOX_*.>", "*.>"));
                SERVICES.stream().filter(other -> !other.equals(spy)).forEach(o -> subjects.add(inboxPrefix(o) + ".>"));
                for (String subject : subjects) {
                    c.createDispatcher(overheard::add).subscribe(subject);
                    awaitSubscriptionViolation(spy, refused, subject);
                }
                c.flush(Duration.ofSeconds(5));

                // the others' traffic meanwhile: a request answered (into the gateway's inbox), a pulled command
                try (Connection gateway = connect("gateway", errors);
                        Connection ticket = connect("ticket-service", errors)) {
                    ticket.createDispatcher(msg -> ticket.publish(msg.getReplyTo(), "secret".getBytes()))
                            .subscribe("requests.ticket.LookupTicket", "ticket-service");
                    ticket.flush(Duration.ofSeconds(5));
                    assertThat(gateway.request("requests.ticket.LookupTicket", new byte[0], Duration.ofSeconds(5)))
                            .extracting(Message::getData).isEqualTo("secret".getBytes());
                    gateway.jetStream().publish(NatsMessage.builder().subject("commands.ticket.Test")
                            .data(new byte[] {1}).build());
                    JetStreamSubscription pull = ticket.jetStream().subscribe(null,
                            PullSubscribeOptions.bind("COMMANDS", "ticket-service-commands"));
                    pull.pullExpiresIn(10, Duration.ofSeconds(5));
                    Message command = pull.nextMessage(Duration.ofSeconds(5));
                    assertThat(command).as("a command pulled by ticket-service").isNotNull();
                    command.ack();
                    pull.unsubscribe();
                }
                c.flush(Duration.ofSeconds(5));
            }
            assertThat(overheard).as("what %s read of the others' inboxes", spy).isEmpty();
        }
        assertThat(errors).as("permission violations").isEmpty();

        // a client left on the shared default prefix gets no answer at all: a service whose name and user do not
        // match fails its start (no JetStream answer) instead of running half-connected
        List<String> refused = new CopyOnWriteArrayList<>();
        try (Connection c = connect("ticket-service", refused, null)) {
            assertThatThrownBy(() -> c.jetStreamManagement().getStreamInfo("COMMANDS"))
                    .isInstanceOfAny(IOException.class, JetStreamApiException.class);
            awaitSubscriptionViolation("ticket-service", refused, "_INBOX.");
        }
    }

    private static void awaitSubscriptionViolation(String user, List<String> refused, String subject)
            throws InterruptedException {
        String violation = "Permissions Violation for Subscription to \"" + subject;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (refused.stream().noneMatch(e -> e.contains(violation)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refused).as("%s may not subscribe to %s", user, subject).anyMatch(e -> e.contains(violation));
    }

    /** DurableConsumer.start()'s consumer. */
    private static ConsumerConfiguration durable(String name, String filter) {
        return ConsumerConfiguration.builder().durable(name).filterSubject(filter).ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All).ackWait(Duration.ofSeconds(30)).maxDeliver(-1)
                .maxAckPending(10_000).build();
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The call fails (a refused API request is never answered) and the server reports the violation. */
    private static void assertRefused(String user, List<String> refused, String api, Call call) throws Exception {
        assertThatThrownBy(call::run).as("%s: %s", user, api)
                .isInstanceOfAny(IOException.class, JetStreamApiException.class);
        awaitViolation(user, refused, api);
    }

    private static void awaitViolation(String user, List<String> refused, String api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (refused.stream().noneMatch(e -> e.contains("Permissions Violation") && e.contains(api))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refused).as("%s may not call %s", user, api)
                .anyMatch(e -> e.contains("Permissions Violation") && e.contains("$JS.API." + api));
    }

    /** StreamProvisioner.provision(), call for call (info, then create when missing or update when changed). */
    private static void provision(Connection connection, Duration retention) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (Map.Entry<String, List<String>> stream : STREAMS.entrySet()) {
            StreamConfiguration config = StreamConfiguration.builder().name(stream.getKey())
                    .subjects(stream.getValue().get(0)).storageType(StorageType.File).replicas(1)
                    .duplicateWindow(Duration.ofMinutes(2)).maxAge(retention).build();
            try {
                StreamInfo existing = jsm.getStreamInfo(stream.getKey());
                if (!existing.getConfiguration().getSubjects().equals(config.getSubjects())
                        || !existing.getConfiguration().getDuplicateWindow().equals(config.getDuplicateWindow())
                        || !existing.getConfiguration().getMaxAge().equals(config.getMaxAge())) {
                    jsm.updateStream(config);
                }
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != 10059) {
                    throw e;
                }
                jsm.addStream(config);
            }
        }
    }

    private static void publishAs(String user, String subject, List<String> errors) throws Exception {
        try (Connection c = connect(user, errors)) {
            c.jetStream().publish(NatsMessage.builder().subject(subject).data(new byte[] {1}).build());
        }
    }

    /**
     * Every durable consumer the services define (ConsumerDefinition.durable(name, Streams.X, "filter") in their
     * main sources, a name given as a constant of the same file resolved), by NATS user.
     */
    private static Map<String, List<List<String>>> declaredConsumers() throws IOException {
        Map<String, List<List<String>>> consumers = new LinkedHashMap<>();
        for (String module : List.of("user-service", "train-service", "ticket-service", "notification-service",
                "api-gateway")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher m = DURABLE.matcher(source);
                    while (m.find()) {
                        String name = m.group(1);
                        if (name == null) {
                            Matcher constant = Pattern.compile("String\\s+" + m.group(2) + "\\s*=\\s*\"([^\"]+)\"")
                                    .matcher(source);
                            assertThat(constant.find()).as("constant %s in %s", m.group(2), file).isTrue();
                            name = constant.group(1);
                        }
                        String user = module.equals("api-gateway") ? "gateway" : module;
                        consumers.computeIfAbsent(user, u -> new ArrayList<>())
                                .add(List.of(name, m.group(3), m.group(4)));
                    }
                }
            }
        }
        return consumers;
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

    /**
     * The inbox prefix the platform gives the user's application (NatsAutoConfiguration.inboxPrefix):
     * {@code _INBOX_} and the spring.application.name of the module's application.yml.
     */
    private static String inboxPrefix(String user) {
        String module = user.equals("gateway") ? "api-gateway" : user;
        try (InputStream yaml = Files.newInputStream(root.resolve(module + "/src/main/resources/application.yml"))) {
            Map<String, Map<String, Map<String, Object>>> config = new Yaml().load(yaml);
            return "_INBOX_" + config.get("spring").get("application").get("name");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connect(String user, List<String> errors) throws IOException, InterruptedException {
        return connect(user, errors, inboxPrefix(user));
    }

    /** A connection as the user's service makes it; a null inbox prefix leaves jnats' default, _INBOX. */
    private static Connection connect(String user, List<String> errors, String inboxPrefix)
            throws IOException, InterruptedException {
        Options.Builder options = Options.builder();
        if (inboxPrefix != null) {
            options.inboxPrefix(inboxPrefix);
        }
        return Nats.connect(options
                .server("nats://127.0.0.1:" + port)
                .userInfo(user, password(user))
                .maxReconnects(0)
                // a refused JetStream API request is never answered: fail it soon
                .connectionTimeout(Duration.ofMillis(750))
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
