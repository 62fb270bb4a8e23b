package dev.modq.service;

/** A batch id that does not exist. */
public class UnknownBatchException extends IllegalArgumentException {

    public UnknownBatchException(String batchId) {
        super("no batch '" + batchId + "': list batches with `modq log`");
    }
}
