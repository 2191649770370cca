package org.koppel.eas.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2FileDeviceStateStoreTest extends DeviceStateStoreContract {

    @TempDir
    Path dir;

    @Override
    DeviceStateConfig newDatabase() {
        return TestDatabases.h2Files(dir);
    }
}
