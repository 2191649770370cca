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
import org.koppel.mapi.SourceKey;

/** The JSON form of the session API's values: records as objects, entry ids and source keys as hex. */
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
        return new ObjectMapper().registerModule(new Jdk8Module()).registerModule(ids)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
