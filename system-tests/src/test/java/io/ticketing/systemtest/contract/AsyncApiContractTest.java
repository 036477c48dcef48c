package io.ticketing.systemtest.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/asyncapi.yaml is the event contract for consumers outside the system. This test keeps it true: its
 * event channels are exactly the events the code publishes (derived from the proto files and from the
 * services' outbox adapters), and every message carries the protobuf schema the services really send.
 * <p>
 * The payload schemas are self-contained renderings of the messages (dependencies inlined, without package)
 * because AsyncAPI's protobuf schema parser cannot follow imports; when a proto message changes, the
 * failure prints the text to paste.
 */
class AsyncApiContractTest {

    /** Each events file and the stream prefix of its subjects (Streams.java: {@code <prefix>.events.>}). */
    private static final Map<String, String> PREFIX_BY_FILE = Map.of(
            "user_events.proto", "users",
            "train_events.proto", "trains",
            "ticket_events.proto", "tickets");
    private static final String EVENTS_DIR = "proto/src/main/proto/ticketing/events/v1";
    private static final String EVENT_PACKAGE = "ticketing.events.v1";
    private static final String DEAD_LETTERS = "dlq.{service}";
    private static final Pattern TOP_LEVEL_MESSAGE =
            Pattern.compile("(?m)^message (\\w+) \\{\\n(.*?)^}", Pattern.DOTALL);
    private static final Pattern FIELD_TYPE =
            Pattern.compile("(?m)^\\s+(?:repeated |optional )?([\\w.]+) \\w+ = \\d+;");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("option java_package = \"([\\w.]+)\";");

    private static Path root;
    private static Map<String, Object> asyncApi;
    /** subject -> event message name, from the proto files. */
    private static Map<String, String> protoEvents;
    private static String javaPackage;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("proto/buf.yaml"))) {
            root = root.getParent();
        }
        asyncApi = new Yaml().load(Files.readString(root.resolve("docs/asyncapi.yaml")));
        protoEvents = eventsFromProtoFiles();
    }

    @Test
    void isAnAsyncApi3DocumentWithANatsServer() {
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> servers = map(asyncApi, "servers");
        assertThat(servers).isNotEmpty();
        servers.values().forEach(server -> assertThat(server.get("protocol")).isEqualTo("nats"));
    }

    @Test
    void everyEventOfTheProtoContractIsAChannelAndEveryChannelIsPublished() {
        assertThat(protoEvents).hasSizeGreaterThanOrEqualTo(12);
        Set<String> expected = new TreeSet<>(protoEvents.keySet());
        expected.add(DEAD_LETTERS);
        assertThat(channelAddresses()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySubjectTheServicesPublishIsAChannelAndEveryEventIsPublishedByAService() throws IOException {
        Set<String> published = subjectsPublishedByJavaSources();
        Set<String> eventChannels = new TreeSet<>(channelAddresses());
        eventChannels.remove(DEAD_LETTERS);
        assertThat(eventChannels).as("channels of docs/asyncapi.yaml").containsAll(published);
        assertThat(published).as("subjects the services' outbox adapters publish")
                .containsExactlyInAnyOrderElementsOf(protoEvents.keySet());
    }

    @Test
    void everyEventChannelHasItsMessageHeadersStreamAndSendOperation() {
        Map<String, Map<String, Object>> operations = map(asyncApi, "operations");
        channels().forEach((key, channel) -> {
            String address = (String) channel.get("address");
            if (address.equals(DEAD_LETTERS)) {
                return;
            }
            String name = protoEvents.get(address);
            Map<String, Object> messages = map(channel, "messages");
            assertThat(messages).as(address).containsOnlyKeys(name);
            assertThat(messages.get(name)).isEqualTo(Map.of("$ref", "#/components/messages/" + name));
            String prefix = address.substring(0, address.indexOf('.'));
            assertThat(channel.get("x-jetstream")).as(address)
                    .isEqualTo(Map.of("$ref", "#/components/x-jetstream-streams/" + prefix.toUpperCase()));

            Map<String, Map<String, Object>> componentMessages = map(map(asyncApi, "components"), "messages");
            Map<String, Object> message = componentMessages.get(name);
            assertThat(message).as("components.messages.%s", name).isNotNull();
            assertThat(message.get("contentType")).isEqualTo("application/x-protobuf");
            assertThat(message.get("x-protobuf-message")).isEqualTo(EVENT_PACKAGE + "." + name);
            Path source = root.resolve(String.valueOf(message.get("x-protobuf-source")));
            assertThat(source).as("x-protobuf-source of %s", name).exists().content()
                    .contains("message " + name + " {");
            assertThat(message.toString()).as("%s headers", name)
                    .contains("#/components/schemas/EventHeaders", "const=" + EVENT_PACKAGE + "." + name);

            boolean sent = operations.values().stream().anyMatch(op -> "send".equals(op.get("action"))
                    && Map.of("$ref", "#/channels/" + key).equals(op.get("channel")));
            assertThat(sent).as("a send operation on channel %s", key).isTrue();
        });
        Map<String, Object> streams = map(map(asyncApi, "components"), "x-jetstream-streams");
        assertThat(streams).containsKeys("USERS", "TRAINS", "TICKETS", "DLQ");
    }

    @Test
    void everyEventPayloadIsTheProtobufSchemaTheServicesSend() throws ClassNotFoundException {
        Map<String, Map<String, Object>> messages = map(map(asyncApi, "components"), "messages");
        Map<String, String> stale = new TreeMap<>();
        for (String name : protoEvents.values()) {
            Map<String, Object> payload = map(messages.get(name), "payload");
            assertThat(payload.get("schemaFormat")).as(name).isEqualTo("application/vnd.google.protobuf;version=3");
            String expected = selfContainedProto(descriptor(name));
            if (!normalized(String.valueOf(payload.get("schema"))).equals(normalized(expected))) {
                stale.put(name, expected);
            }
        }
        if (!stale.isEmpty()) {
            fail("docs/asyncapi.yaml has stale payload schemas; replace them with:\n" + stale.entrySet().stream()
                    .map(e -> "--- " + e.getKey() + "\n" + e.getValue())
                    .collect(Collectors.joining("\n")));
        }
    }

    // --- the events according to the proto files

    private static Map<String, String> eventsFromProtoFiles() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Map<String, String> fileOfMessage = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve(EVENTS_DIR))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".proto")).sorted().toList()) {
                String text = Files.readString(file);
                String fileName = file.getFileName().toString();
                assertThat(PREFIX_BY_FILE).as("stream prefix of %s (add it to PREFIX_BY_FILE)", fileName)
                        .containsKey(fileName);
                Matcher pkg = JAVA_PACKAGE.matcher(text);
                assertThat(pkg.find()).as("java_package of %s", fileName).isTrue();
                javaPackage = pkg.group(1);
                Matcher message = TOP_LEVEL_MESSAGE.matcher(text);
                while (message.find()) {
                    fileOfMessage.put(message.group(1), fileName);
                    Matcher field = FIELD_TYPE.matcher(message.group(2));
                    while (field.find()) {
                        String type = field.group(1);
                        referenced.add(type.substring(type.lastIndexOf('.') + 1));
                    }
                }
            }
        }
        // a message another message embeds (StopInfo) is a helper, not an event
        Map<String, String> events = new TreeMap<>();
        fileOfMessage.forEach((message, file) -> {
            if (!referenced.contains(message)) {
                events.put(PREFIX_BY_FILE.get(file) + ".events." + message, message);
            }
        });
        return events;
    }

    // --- the events according to the services' code

    private static final Pattern SUBJECT_LITERAL = Pattern.compile("\"((?:users|trains|tickets)\\.events\\.\\w+)\"");
    private static final Pattern EVENT_CALL = Pattern.compile("Subjects\\.event\\(\\s*(\"?)([\\w.]+)\\1\\s*,");
    private static final Pattern BUILT = Pattern.compile("\\b([A-Z]\\w*)\\.newBuilder\\(\\)");

    /**
     * Subjects literally written in the services' main sources, plus {@code Subjects.event(prefix, msg)} calls:
     * the prefix (a literal or a String constant of the same file) with every event message the file builds.
     */
    private static Set<String> subjectsPublishedByJavaSources() throws IOException {
        Set<String> eventNames = new TreeSet<>(protoEvents.values());
        Set<String> subjects = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.filter(m -> !m.getFileName().toString().equals("platform"))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(AsyncApiContractTest::javaFiles)
                    .toList();
        }
        assertThat(sources).as("main sources of the services").isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher literal = SUBJECT_LITERAL.matcher(text);
            while (literal.find()) {
                subjects.add(literal.group(1));
            }
            Matcher call = EVENT_CALL.matcher(text);
            while (call.find()) {
                String prefix = call.group(1).isEmpty() ? constant(text, call.group(2), source) : call.group(2);
                Matcher built = BUILT.matcher(text);
                while (built.find()) {
                    if (eventNames.contains(built.group(1))) {
                        subjects.add(prefix + ".events." + built.group(1));
                    }
                }
            }
        }
        return subjects;
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String constant(String text, String name, Path source) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Matcher m = Pattern.compile("String\\s+" + Pattern.quote(simple) + "\\s*=\\s*\"(\\w+)\"").matcher(text);
        if (!m.find()) {
            fail("cannot resolve the stream prefix %s in %s", name, source);
        }
        return m.group(1);
    }

    // --- self-contained protobuf text of a message

    private static Descriptor descriptor(String name) throws ClassNotFoundException {
        try {
            return (Descriptor) Class.forName(javaPackage + "." + name).getMethod("getDescriptor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new ClassNotFoundException(javaPackage + "." + name, e);
        }
    }

    /**
     * The message and every message and enum it uses, in the order first used, without package (so it parses on
     * its own); google.protobuf types stay imports. Same field names, numbers and types, so the same binary and
     * JSON encoding as the real message.
     */
    static String selfContainedProto(Descriptor event) {
        Map<String, GenericDescriptor> types = new LinkedHashMap<>();
        Set<String> imports = new TreeSet<>();
        Deque<GenericDescriptor> todo = new ArrayDeque<>(List.of(event));
        while (!todo.isEmpty()) {
            GenericDescriptor type = todo.removeFirst();
            GenericDescriptor clash = types.putIfAbsent(type.getName(), type);
            if (clash != null) {
                assertThat(clash.getFullName()).as("two types named %s", type.getName()).isEqualTo(type.getFullName());
                continue;
            }
            if (type instanceof Descriptor message) {
                for (FieldDescriptor field : message.getFields()) {
                    assertThat(field.getRealContainingOneof())
                            .as("oneof in %s (extend the renderer)", field.getFullName()).isNull();
                    assertThat(field.isMapField()).as("map in %s (extend the renderer)", field.getFullName()).isFalse();
                    switch (field.getJavaType()) {
                        case MESSAGE -> {
                            if (field.getMessageType().getFile().getPackage().equals("google.protobuf")) {
                                imports.add(field.getMessageType().getFile().getName());
                            } else {
                                todo.addLast(field.getMessageType());
                            }
                        }
                        case ENUM -> todo.addLast(field.getEnumType());
                        default -> {
                        }
                    }
                }
            }
        }
        StringBuilder proto = new StringBuilder("syntax = \"proto3\";\n");
        imports.forEach(i -> proto.append("import \"").append(i).append("\";\n"));
        for (GenericDescriptor type : types.values()) {
            proto.append('\n');
            if (type instanceof Descriptor message) {
                proto.append("message ").append(message.getName()).append(" {\n");
                for (FieldDescriptor field : message.getFields()) {
                    proto.append("  ")
                            .append(field.isRepeated() ? "repeated "
                                    : field.toProto().getProto3Optional() ? "optional " : "")
                            .append(typeName(field)).append(' ').append(field.getName())
                            .append(" = ").append(field.getNumber()).append(";\n");
                }
            } else {
                EnumDescriptor enumType = (EnumDescriptor) type;
                proto.append("enum ").append(enumType.getName()).append(" {\n");
                enumType.getValues().forEach(v -> proto.append("  ").append(v.getName()).append(" = ")
                        .append(v.getNumber()).append(";\n"));
            }
            proto.append("}\n");
        }
        return proto.toString();
    }

    private static String typeName(FieldDescriptor field) {
        return switch (field.getType()) {
            case MESSAGE -> field.getMessageType().getFile().getPackage().equals("google.protobuf")
                    ? field.getMessageType().getFullName()
                    : field.getMessageType().getName();
            case ENUM -> field.getEnumType().getName();
            default -> field.getType().name().toLowerCase();
        };
    }

    /** Without comments and with single spaces, so formatting and the explanatory header do not matter. */
    private static String normalized(String proto) {
        return proto.replaceAll("//[^\\n]*", "").replaceAll("\\s+", " ").trim();
    }

    // --- YAML access

    private static Map<String, Map<String, Object>> channels() {
        return map(asyncApi, "channels");
    }

    private static Set<String> channelAddresses() {
        return channels().values().stream().map(c -> (String) c.get("address"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, T>) value;
    }
}
