package org.koppel.eas.state;

class H2InMemoryDeviceStateStoreTest extends DeviceStateStoreContract {

    @Override
    DeviceStateConfig newDatabase() {
        return TestDatabases.h2InMemory();
    }
}
