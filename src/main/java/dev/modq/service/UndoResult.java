package dev.modq.service;

import dev.modq.core.BatchResult;

/** An undo: which batch it reversed, and what happened to each of its comments. */
public record UndoResult(String undoneBatch, BatchResult result) {
}
