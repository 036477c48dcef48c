package io.ticketing.platform.web;

import tools.jackson.core.JacksonException;

/** Names the field of a JSON body that a read failed on, as clients write it: {@code wagons[1].seats}. */
public final class JsonFieldPath {

    private JsonFieldPath() {
    }

    /** The dotted path of the failure's location; empty when it happened outside any field. */
    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
