package dev.modq.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Batch ids people can read and type: {@code 20261129-104512-3fa2c1} (UTC time plus randomness). */
final class BatchIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return FORMAT.format(now) + "-" + HexFormat.of().formatHex(random);
    }
}
