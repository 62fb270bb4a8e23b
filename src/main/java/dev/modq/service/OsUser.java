package dev.modq.service;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operating-system account running modq, from the process's real user id. Never from the {@code user.name}
 * property: any user sets that with {@code -Duser.name=alice} (MODQ_JAVA_OPTS, JAVA_TOOL_OPTIONS) and would then
 * act as alice. {@link UnixSystem} asks the C library (getpwuid_r(getuid())), so NSS accounts (LDAP, sssd) work.
 */
public final class OsUser {

    private static volatile String cached;

    private OsUser() {
    }

    /** The real user's name; throws AccessDeniedException when the uid has no name (no passwd or NSS entry). */
    public static String name() {
        String name = cached;
        if (name == null) {
            name = lookUp();
            cached = name;
        }
        return name;
    }

    static String lookUp() {
        String name;
        try {
            // the JDK leaves uid at 0 when getpwuid finds no entry, so only the name tells a real answer
            name = new UnixSystem().getUsername();
        } catch (LinkageError e) {
            throw new AccessDeniedException("cannot tell which operating-system user runs modq (" + e
                    + "): modq needs a Unix-like system whose JDK has the jdk.security.auth module");
        }
        if (name == null || name.isEmpty()) {
            throw new AccessDeniedException("user id " + realUid() + " has no user name (no passwd or NSS entry):"
                    + " modq names moderators by user name; run it as a named account");
        }
        return name;
    }

    /** The real uid as the kernel reports it, for the error message only. */
    static String realUid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.substring(4).trim().split("\\s+")[0])
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
