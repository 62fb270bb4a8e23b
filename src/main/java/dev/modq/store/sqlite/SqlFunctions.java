package dev.modq.store.sqlite;

public final class SqlFunctions { public static void register(java.sql.Connection c) {} }
