package org.koppel.eas.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceAccountTest {

    @Test
    void deviceAccountsRefuseIdsThatCannotBeDeviceIds() {
        assertEquals("ApplF17XK2Q1HG7F", new DeviceAccount("alice", "ApplF17XK2Q1HG7F").deviceId());
        new DeviceAccount("alice", "x".repeat(DeviceAccount.MAX_DEVICE_ID));
        new DeviceAccount("alice", "androidc1234+/=:");
        for (String bad : new String[] {"", "a b", "a\tb", "a\u0000b", "ä", "x".repeat(DeviceAccount.MAX_DEVICE_ID + 1)}) {
            assertThrows(IllegalArgumentException.class, () -> new DeviceAccount("alice", bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new DeviceAccount("", "abc"));
    }
}
