package dev.modq.core.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueryIpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::1",
            "1:2:3:4:5:6:7:8", "::ffff:10.0.0.1", "1:2:3:4:5:6:1.2.3.4", "FE80::A"})
    void literals(String text) {
        assertNotNull(IpAddresses.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "1.2.3.4.5", "10.0.0.07x", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
            "1::2::3", ":1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "localhost", "1.2.3.4::", "::1.2.3", "g::1"})
    void notLiterals(String text) {
        assertNull(IpAddresses.parse(text), text);
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, 10.0.0.0/8, true", "11.1.2.3, 10.0.0.0/8, false", "10.0.0.7, 10.0.0.7/32, true",
            "192.168.1.130, 192.168.1.128/25, true", "192.168.1.127, 192.168.1.128/25, false",
            "1.2.3.4, 0.0.0.0/0, true", "2001:db8:1::5, 2001:db8::/32, true", "2001:db9::5, 2001:db8::/32, false",
            "::ffff:10.9.9.9, 10.0.0.0/8, true", "10.9.9.9, ::ffff:10.0.0.0/104, true", "10.1.1.1, 2001:db8::/32, false",
            "junk, 10.0.0.0/8, false", "10.1.1.1, junk/8, false",
    })
    void cidr(String ip, String cidr, boolean in) {
        assertEquals(in, IpAddresses.inCidr(ip, cidr));
    }
}
