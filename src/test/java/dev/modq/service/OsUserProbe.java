package dev.modq.service;

/** Test access to a fresh look-up of the OS user, past the cache. */
public final class OsUserProbe {

    private OsUserProbe() {
    }

    public static String lookUpAgain() {
        return OsUser.lookUp();
    }
}
