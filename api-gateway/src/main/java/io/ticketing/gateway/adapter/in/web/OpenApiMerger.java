package io.ticketing.gateway.adapter.in.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges OpenAPI documents into one, so that the whole public API reads as one spec. Paths, tags and components
 * are united: a path two documents serve (GET {@code /api/v1/tickets} from ticket-service, POST from the gateway)
 * gets the operations of both. Everything else, and whatever two documents both define (the same method on the
 * same path, the same security scheme), comes from the first document that has it: the gateway's, which lists
 * first, gives the merged document its info, servers and security schemes. A schema defined alike by two
 * documents is kept once; a schema defined differently under a name already taken is renamed after its document
 * ({@code ticket_Problem}), and so is every reference to it in that document, so that no operation ends up
 * pointing at another service's shape. The documents given are left as they are.
 */
final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerger() {
    }

    /**
     * @param specs   the documents by name ({@code gateway}, {@code ticket}...), first one first
     * @param missing the names of the documents that could not be had, named in the result's description
     */
    static ObjectNode merge(Map<String, ObjectNode> specs, List<String> missing) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        specs.forEach((name, spec) -> {
            ObjectNode document = spec.deepCopy();
            renameDifferingSchemas(document, name + "_", merged.path("components").path("schemas"));
            document.properties().forEach(property -> {
                switch (property.getKey()) {
                    case "paths", "components" -> unite(merged.withObjectProperty(property.getKey()),
                            property.getValue());
                    case "tags" -> uniteTags(merged.withArrayProperty("tags"), property.getValue());
                    default -> merged.putIfAbsent(property.getKey(), property.getValue());
                }
            });
        });
        if (!missing.isEmpty()) {
            ObjectNode info = merged.withObjectProperty("info");
            String description = info.path("description").asString("");
            info.put("description", (description.isEmpty() ? "" : description + "\n\n")
                    + "Not included, as they could not be fetched: " + String.join(", ", missing) + ".");
        }
        return merged;
    }

    /** Two levels deep (path, then method; section, then name), the first one's where both have it. */
    private static void unite(ObjectNode into, JsonNode from) {
        from.properties().forEach(group -> {
            ObjectNode target = into.withObjectProperty(group.getKey());
            group.getValue().properties().forEach(entry -> target.putIfAbsent(entry.getKey(), entry.getValue()));
        });
    }

    private static void uniteTags(ArrayNode into, JsonNode from) {
        Set<String> names = new HashSet<>(into.valueStream().map(tag -> tag.path("name").asString()).toList());
        for (JsonNode tag : from.values()) {
            if (names.add(tag.path("name").asString())) {
                into.add(tag);
            }
        }
    }

    /**
     * Renames the document's schemas that differ from the one of the same name already merged. Until nothing
     * changes: a schema identical to a merged one but for a reference to a renamed schema differs once that
     * reference is rewritten.
     */
    private static void renameDifferingSchemas(ObjectNode document, String prefix, JsonNode merged) {
        if (!(document.path("components").path("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        Set<String> renamed = new HashSet<>();
        boolean renaming = true;
        while (renaming) {
            renaming = false;
            for (String name : List.copyOf(schemas.propertyNames())) {
                if (merged.has(name) && !merged.get(name).equals(schemas.get(name)) && renamed.add(name)) {
                    schemas.set(prefix + name, schemas.remove(name));
                    rewriteReferences(document, SCHEMA_REF + name, SCHEMA_REF + prefix + name);
                    renaming = true;
                }
            }
        }
    }

    /** Every {@code $ref} (or discriminator mapping) to the schema, anywhere in the document. */
    private static void rewriteReferences(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (property.getValue().isString() && property.getValue().stringValue().equals(from)) {
                    object.put(property.getKey(), to);
                } else {
                    rewriteReferences(property.getValue(), from, to);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(element -> rewriteReferences(element, from, to));
        }
    }
}
