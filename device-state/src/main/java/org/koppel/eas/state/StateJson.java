package org.koppel.eas.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of the structured values kept in text columns (Sync Options, Ping settings, the folder list
 * of a hierarchy key): {@code {"v":1,"value":...}}. The version lets a later release change a value's shape
 * and still read what older nodes wrote; unknown fields are ignored so that an older node reads what a newer
 * one added.
 */
final class StateJson {

    private static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final JavaType folderList = mapper.getTypeFactory().constructCollectionType(List.class,
            HierarchyFolder.class);

    String options(SyncOptions options) {
        return write(options);
    }

    SyncOptions options(String json) {
        return read(json, mapper.constructType(SyncOptions.class));
    }

    String ping(PingSettings ping) {
        return write(ping);
    }

    PingSettings ping(String json) {
        return read(json, mapper.constructType(PingSettings.class));
    }

    byte[] folders(List<HierarchyFolder> folders) {
        return write(folders).getBytes(StandardCharsets.UTF_8);
    }

    List<HierarchyFolder> folders(byte[] json) {
        return List.copyOf(read(new String(json, StandardCharsets.UTF_8), folderList));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(Map.of("v", VERSION, "value", value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, JavaType type) {
        try {
            JsonNode root = mapper.readTree(json);
            int version = root.path("v").asInt(-1);
            if (version != VERSION) {
                throw new DeviceStateException.StorageFailure("stored " + type.getRawClass().getSimpleName()
                        + " has version " + version + ", this release reads " + VERSION, null);
            }
            return mapper.treeToValue(root.get("value"), type);
        } catch (IOException e) {
            throw new DeviceStateException.StorageFailure("unreadable stored "
                    + type.getRawClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
