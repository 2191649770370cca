package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.HexFormat;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.SourceKey;

/**
 * The JSON form of the session API's values: records as objects, entry ids and source keys as hex,
 * properties and restrictions in the forms {@link JsonProps} and {@link JsonRestrictions} read.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("koppel-ids");
        ids.addSerializer(EntryId.class, new StdSerializer<>(EntryId.class) {
            @Override
            public void serialize(EntryId id, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(HexFormat.of().formatHex(id.bytes()));
            }
        });
        ids.addSerializer(SourceKey.class, new StdSerializer<>(SourceKey.class) {
            @Override
            public void serialize(SourceKey key, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(HexFormat.of().formatHex(key.bytes()));
            }
        });
        ObjectMapper plain = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool()).build())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ids.addSerializer(PropValue.class, new StdSerializer<>(PropValue.class) {
            @Override
            public void serialize(PropValue v, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeTree(JsonProps.toJson(plain, v));
            }
        });
        ids.addSerializer(org.koppel.mapi.Restriction.class, new StdSerializer<>(org.koppel.mapi.Restriction.class) {
            @Override
            public void serialize(org.koppel.mapi.Restriction r, JsonGenerator gen, SerializerProvider p)
                    throws IOException {
                gen.writeTree(JsonRestrictions.toJson(plain, r));
            }
        });
        // Requests run on virtual threads: Jackson's default per-thread buffer recycling would give every
        // one of them its own buffers (tens of KB each, kept softly reachable); share a pool instead.
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool()).build();
        return new ObjectMapper(factory).registerModule(new Jdk8Module())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).registerModule(ids)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
