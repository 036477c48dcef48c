package io.ticketing.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses the NUL character in every JSON string a client sends, as a bad value of that field: PostgreSQL cannot
 * store it in text, so a name holding one would be accepted here and fail later, where no client sees why.
 */
public final class NulFreeStrings extends SimpleModule {

    public NulFreeStrings() {
        super(NulFreeStrings.class.getSimpleName());
        addDeserializer(String.class, new Deserializer());
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return context.reportInputMismatch(this, "must not contain the NUL character");
            }
            return value;
        }
    }
}
