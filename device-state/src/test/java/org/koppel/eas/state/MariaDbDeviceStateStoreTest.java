package org.koppel.eas.state;

class MariaDbDeviceStateStoreTest extends DeviceStateStoreContract {

    @Override
    DeviceStateConfig newDatabase() {
        return TestDatabases.mariaDb();
    }
}
