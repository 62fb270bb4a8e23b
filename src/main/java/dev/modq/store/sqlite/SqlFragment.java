package dev.modq.store.sqlite;

import java.util.List;

public record SqlFragment(String sql, List<Object> params) {}
